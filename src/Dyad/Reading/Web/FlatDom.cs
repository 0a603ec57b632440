using AngleSharp.Dom;

namespace Dyad.Reading.Web;

/// <summary>What the extractor needs to know about a tag.</summary>
[Flags]
internal enum TagKind : ushort
{
    None = 0,
    Block = 1,
    Inline = 2,
    Paragraph = 4,     // p, pre, blockquote, td, dd: scored as text blocks
    Heading = 8,
    List = 16,
    ListItem = 32,
    Link = 64,
    Image = 128,
    Container = 256,   // div, section, table, ul, ... : checked by conditional cleaning
    Boilerplate = 512, // nav, aside, footer, header, figure, ...: removed
    LineBreak = 1024,
    Title = 2048,      // h1
    Cell = 4096,       // td, th
}

/// <summary>
/// A page flattened into arrays in document order (pre-order): node i's subtree is [i, End[i]). Built without
/// recursion, so nesting depth costs nothing; every later pass is a loop over the arrays.
/// </summary>
internal sealed class FlatDom
{
    public int Count;
    public int[] Parent = Array.Empty<int>();
    public int[] End = Array.Empty<int>();
    public TagKind[] Kind = Array.Empty<TagKind>();
    public string?[] Tag = Array.Empty<string?>();   // null for text nodes
    public string?[] Text = Array.Empty<string?>();  // text nodes only
    public string?[] Hint = Array.Empty<string?>();  // lower-case "class id" of elements, or null
    public IElement?[] Element = Array.Empty<IElement?>();
    public int[] TextLen = Array.Empty<int>();       // text nodes: length with whitespace collapsed
    public int[] Commas = Array.Empty<int>();
    public bool[] Hidden = Array.Empty<bool>();

    private static readonly Dictionary<string, TagKind> Kinds = BuildKinds();

    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio",
        "button", "select", "option", "input", "textarea", "head", "link", "meta", "source", "map", "dialog", "applet",
        "frameset", "frame", "track", "param", "base", "title",
    };

    private static Dictionary<string, TagKind> BuildKinds()
    {
        var d = new Dictionary<string, TagKind>(StringComparer.Ordinal);
        foreach (var t in new[] { "a", "span", "b", "i", "em", "strong", "font", "small", "big", "sup", "sub", "abbr", "cite", "code", "time", "mark", "u", "s", "q", "label", "bdi", "bdo", "tt", "var", "kbd", "samp", "dfn", "ins", "del", "strike", "acronym", "data", "nobr", "wbr", "picture" })
        {
            d[t] = TagKind.Inline;
        }
        d["a"] = TagKind.Inline | TagKind.Link;
        d["img"] = TagKind.Inline | TagKind.Image;
        d["br"] = TagKind.Inline | TagKind.LineBreak;
        foreach (var t in new[] { "p", "pre", "blockquote", "dd" }) d[t] = TagKind.Block | TagKind.Paragraph;
        // Table cells are neither blocks nor inline: a row reads as one line ("1 Kyle Busch 5040"), cells apart.
        d["td"] = TagKind.Cell;
        d["th"] = TagKind.Cell;
        foreach (var t in new[] { "h2", "h3", "h4", "h5", "h6" }) d[t] = TagKind.Block | TagKind.Heading;
        d["h1"] = TagKind.Block | TagKind.Heading | TagKind.Title;
        foreach (var t in new[] { "ul", "ol", "dl", "menu" }) d[t] = TagKind.Block | TagKind.List | TagKind.Container;
        d["li"] = TagKind.Block | TagKind.ListItem;
        d["dt"] = TagKind.Block | TagKind.ListItem;
        foreach (var t in new[] { "div", "section", "table", "tbody", "thead", "tr", "form", "center", "main", "article", "fieldset", "details", "summary", "address", "hgroup" })
        {
            d[t] = TagKind.Block | TagKind.Container;
        }
        foreach (var t in new[] { "nav", "aside", "footer", "header", "figure", "figcaption", "caption", "legend" })
        {
            d[t] = TagKind.Block | TagKind.Boilerplate;
        }
        return d;
    }

    public static TagKind KindOf(string tag) => Kinds.TryGetValue(tag, out var k) ? k : TagKind.Block;

    public static FlatDom Build(INode root)
    {
        var dom = new FlatDom();
        dom.Allocate(1024);
        var stack = new Stack<(INode Node, int Parent)>();
        stack.Push((root, -1));
        while (stack.Count > 0)
        {
            var (node, parent) = stack.Pop();
            if (node is IElement el)
            {
                string tag = el.LocalName;
                if (Dropped.Contains(tag)) continue;
                int i = dom.Add(parent);
                dom.Tag[i] = tag;
                dom.Kind[i] = KindOf(tag);
                dom.Element[i] = el;
                string? cls = null, id = null;
                bool hidden = false;
                foreach (var attr in el.Attributes)
                {
                    switch (attr.Name)
                    {
                        case "class":
                            cls = attr.Value;
                            break;
                        case "id":
                            id = attr.Value;
                            break;
                        case "hidden":
                            hidden = true;
                            break;
                        case "style":
                            hidden |= IsHiddenStyle(attr.Value);
                            break;
                    }
                }
                if (cls is not null || id is not null) dom.Hint[i] = string.Concat(cls, " ", id).ToLowerInvariant();
                dom.Hidden[i] = hidden;
                for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
                {
                    if (child.NodeType is NodeType.Element or NodeType.Text) stack.Push((child, i));
                }
            }
            else if (node.NodeType == NodeType.Text)
            {
                string data = node.TextContent;
                int len = CollapsedLength(data, out int commas);
                if (len == 0)
                {
                    // Whitespace only: keep one node so words on either side stay apart.
                    if (data.Length == 0) continue;
                }
                int i = dom.Add(parent);
                dom.Text[i] = data;
                dom.TextLen[i] = len;
                dom.Commas[i] = commas;
            }
            else if (node.NodeType == NodeType.Document)
            {
                for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
                {
                    if (child.NodeType == NodeType.Element) stack.Push((child, -1));
                }
            }
        }
        // Subtree ends: children come after their parents, so one backward pass settles them.
        for (int i = 0; i < dom.Count; i++) dom.End[i] = i + 1;
        for (int i = dom.Count - 1; i > 0; i--)
        {
            int p = dom.Parent[i];
            if (p >= 0 && dom.End[i] > dom.End[p]) dom.End[p] = dom.End[i];
        }
        return dom;
    }

    private static bool IsHiddenStyle(string style) =>
        style.Contains("none", StringComparison.OrdinalIgnoreCase) && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase) || style.Contains("display: none", StringComparison.OrdinalIgnoreCase))
        || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase) || style.Contains("visibility: hidden", StringComparison.OrdinalIgnoreCase);

    /// <summary>Length with whitespace runs counted once and the ends trimmed; also counts commas.</summary>
    public static int CollapsedLength(string s, out int commas)
    {
        int len = 0;
        commas = 0;
        bool space = false;
        foreach (char c in s)
        {
            if (c <= ' ' || c == '\u00A0' || (c > 127 && char.IsWhiteSpace(c)))
            {
                space = len > 0;
                continue;
            }
            if (space)
            {
                len++;
                space = false;
            }
            len++;
            if (c == ',' || c == '\uFF0C') commas++;
        }
        return len;
    }

    private int Add(int parent)
    {
        if (Count == Parent.Length) Allocate(Count * 2);
        int i = Count++;
        Parent[i] = parent;
        return i;
    }

    private void Allocate(int size)
    {
        Array.Resize(ref Parent, size);
        Array.Resize(ref End, size);
        Array.Resize(ref Kind, size);
        Array.Resize(ref Tag, size);
        Array.Resize(ref Text, size);
        Array.Resize(ref Hint, size);
        Array.Resize(ref Element, size);
        Array.Resize(ref TextLen, size);
        Array.Resize(ref Commas, size);
        Array.Resize(ref Hidden, size);
    }
}
