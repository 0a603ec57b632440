using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Dyad.Reading.Web;

/// <summary>
/// Takes the article out of a web page: the body text without navigation, ads, related links, comments, captions,
/// newsletter and cookie boxes, plus title, date, author, outlet and address from the page's metadata.
/// </summary>
/// <remarks>
/// The page is parsed with AngleSharp and flattened into arrays (<see cref="FlatDom"/>); every pass after that is a
/// loop, so deep nesting cannot overflow the stack and cost stays linear in the page size. Containers are scored
/// by the text blocks they hold (length, commas), discounted by the share of link text and by class and id names;
/// the best one and its article-like siblings are cleaned of furniture and turned into paragraphs.
/// Thread-safe: one instance can serve many threads.
/// </remarks>
public sealed class HtmlArticleExtractor
{
    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsScripting = false,
        SkipComments = true,
        SkipCDATA = true,
        SkipProcessingInstructions = true,
        SkipScriptText = true,
        DisableElementPositionTracking = true,
    };

    // One parser (and its browsing context) per thread: building them per page cost more than the parse of a small page.
    [ThreadStatic] private static HtmlParser? t_parser;
    private static HtmlParser Parser => t_parser ??= new HtmlParser(ParserOptions);

    /// <summary>A shared instance.</summary>
    public static HtmlArticleExtractor Default { get; } = new();

    /// <summary>Extracts the article; on failure returns an article with empty text (see <see cref="TryExtract(string, string?, out WebArticle, out string?)"/>).</summary>
    public WebArticle Extract(string html, string? url = null)
    {
        TryExtract(html, url, out var article, out _);
        return article;
    }

    /// <summary>Decodes page bytes (BOM, <paramref name="declaredCharset"/>, &lt;meta charset&gt;, detection) and extracts the article.</summary>
    public bool TryExtract(ReadOnlySpan<byte> bytes, string? declaredCharset, string? url, out WebArticle article, out string? error) =>
        TryExtract(WebEncoding.Decode(bytes, declaredCharset), url, out article, out error);

    /// <summary>
    /// Extracts the article. Returns false with a message when the page has no body or no article text; the
    /// article then still carries whatever metadata was found.
    /// </summary>
    public bool TryExtract(string html, string? url, out WebArticle article, out string? error)
    {
        article = new WebArticle { Text = string.Empty, Url = url };
        if (string.IsNullOrWhiteSpace(html))
        {
            error = "the page is empty";
            return false;
        }

        var document = Parser.ParseDocument(NestingGuard.Limit(HtmlPreStrip.Strip(html)));
        var meta = HtmlMetadata.Read(document, url, html);
        var body = document.Body;
        string text = string.Empty;
        if (body is not null)
        {
            var dom = FlatDom.Build(body);
            text = ExtractBody(dom, meta);
        }

        // Pages rendered by script carry little markup text; their JSON-LD articleBody is then the best source.
        if (text.Length < 200 && meta.JsonLdBody is { Length: >= 200 } jsonBody && jsonBody.Length > text.Length * 2)
        {
            text = JsonLdText(jsonBody);
        }

        string? language = null;
        if (text.Length > 0)
        {
            language = LanguageCheck.Identify(text, meta.DeclaredLanguage);
        }
        article = new WebArticle
        {
            Text = text,
            Title = meta.Title,
            Date = meta.Date,
            Author = meta.Author,
            Outlet = meta.Outlet,
            Url = meta.Url ?? url,
            Language = language,
        };
        if (text.Length == 0)
        {
            error = body is null || body.ChildElementCount == 0 && string.IsNullOrWhiteSpace(body.TextContent)
                ? "the page has no body"
                : "no article text found in the page";
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>
    /// Converts an HTML fragment (a feed item's content, say) to plain paragraphs joined by "\n\n": everything
    /// visible is kept except scripts, styles, figures and stock lines ("Advertisement", "The post ... appeared first on").
    /// </summary>
    public static string HtmlFragmentToText(string html)
    {
        if (string.IsNullOrWhiteSpace(html)) return string.Empty;
        if (html.IndexOf('<') < 0 && html.IndexOf('&') < 0) return WebText.CollapseWhitespace(html);
        html = NestingGuard.Limit(html);
        var document = Parser.ParseDocument(html);
        if (document.Body is null) return string.Empty;
        var dom = FlatDom.Build(document.Body);
        if (dom.Count == 0) return string.Empty;
        return new BodyExtraction(dom, new HtmlMetadata(), strict: false).RenderAll();
    }

    private static string JsonLdText(string body)
    {
        string decoded = System.Net.WebUtility.HtmlDecode(body);
        if (decoded.Contains('<', StringComparison.Ordinal)) return HtmlFragmentToText(decoded);
        var paragraphs = new List<string>();
        foreach (var line in decoded.Split('\n'))
        {
            string p = WebText.CollapseWhitespace(line);
            if (p.Length > 0) paragraphs.Add(p);
        }
        return string.Join("\n\n", paragraphs);
    }

    internal static string ExtractBody(FlatDom dom, HtmlMetadata meta)
    {
        if (dom.Count == 0) return string.Empty;
        var strict = new BodyExtraction(dom, meta, strict: true).Run();
        if (strict.Length >= 400) return strict;
        var loose = new BodyExtraction(dom, meta, strict: false).Run();
        return loose.Length > strict.Length * 2 ? loose : strict;
    }
}

/// <summary>One extraction attempt over a flattened page.</summary>
internal sealed class BodyExtraction
{
    private readonly FlatDom _dom;
    private readonly HtmlMetadata _meta;
    private readonly bool _strict;
    private readonly int _n;
    private readonly bool[] _removed;
    private readonly int[] _tl;   // text length in subtree
    private readonly int[] _ll;   // link text length in subtree
    private readonly int[] _cm;   // commas in subtree
    private readonly int[] _pc;   // paragraphs in subtree
    private readonly int[] _li;   // list items in subtree
    private readonly int[] _img;  // images in subtree
    private readonly int[] _hc;   // headings in subtree
    private readonly int[] _ownTl; // text whose nearest block is this element
    private readonly int[] _ownCm;
    private readonly int[] _ownLl; // link text whose nearest block is this element
    private readonly int[] _pt;    // prose: own text of paragraph-like blocks with little link text, summed over the subtree
    private readonly float[] _score;
    private readonly bool[] _scored;

    public BodyExtraction(FlatDom dom, HtmlMetadata meta, bool strict)
    {
        _dom = dom;
        _meta = meta;
        _strict = strict;
        _n = dom.Count;
        _removed = new bool[_n];
        _tl = new int[_n];
        _ll = new int[_n];
        _cm = new int[_n];
        _pc = new int[_n];
        _li = new int[_n];
        _img = new int[_n];
        _hc = new int[_n];
        _ownTl = new int[_n];
        _ownCm = new int[_n];
        _ownLl = new int[_n];
        _pt = new int[_n];
        _score = new float[_n];
        _scored = new bool[_n];
    }

    public string Run()
    {
        MarkRemoved();
        ComputeStats();
        int top = PickTop();
        top = WalkUp(top);
        var roots = PickSiblings(top);
        return Render(roots);
    }

    /// <summary>Renders the whole tree, dropping only hidden and figure-like elements.</summary>
    public string RenderAll()
    {
        for (int i = 1; i < _n; i++)
        {
            int p = _dom.Parent[i];
            _removed[i] = (p >= 0 && _removed[p]) || _dom.Hidden[i] || _dom.Tag[i] is "figure" or "figcaption";
        }
        _keepAll = true;
        return Render(new List<int> { 0 });
    }

    private bool _keepAll;

    private void MarkRemoved()
    {
        var dom = _dom;
        // Raw text per subtree, to protect wrappers holding most of the page from removal by name.
        var raw = new int[_n];
        for (int i = _n - 1; i >= 0; i--)
        {
            if (dom.Tag[i] is null) raw[i] += dom.TextLen[i];
            int p = dom.Parent[i];
            if (p >= 0) raw[p] += raw[i];
        }
        int total = Math.Max(1, raw[0]);
        for (int i = 0; i < _n; i++)
        {
            int p = dom.Parent[i];
            if (p >= 0 && _removed[p])
            {
                _removed[i] = true;
                continue;
            }
            string? tag = dom.Tag[i];
            if (tag is null || i == 0) continue;
            bool big = raw[i] * 2 > total && total > 500;
            string? hint = dom.Hint[i];
            bool alwaysGo = hint is not null && (hint.Contains("comment", StringComparison.Ordinal) || hint.Contains("disqus", StringComparison.Ordinal));
            if (dom.Hidden[i] && !big)
            {
                _removed[i] = true;
            }
            else if ((dom.Kind[i] & TagKind.Boilerplate) != 0 && !big)
            {
                _removed[i] = true;
            }
            else if (tag == "time" && !InsideParagraph(i))
            {
                _removed[i] = true; // a standalone date line, not part of the prose
            }
            else if (_strict && tag is not ("article" or "main" or "body" or "html") && (alwaysGo || !big) && ClassHints.IsNegative(hint))
            {
                _removed[i] = true;
            }
        }
    }

    private bool InsideParagraph(int i)
    {
        for (int a = _dom.Parent[i]; a >= 0; a = _dom.Parent[a])
        {
            var k = _dom.Kind[a];
            if ((k & TagKind.Block) == 0) continue;
            return (k & (TagKind.Paragraph | TagKind.ListItem)) != 0 && _dom.Tag[a] != "td";
        }
        return false;
    }

    private void ComputeStats()
    {
        var dom = _dom;
        // Nearest block ancestor for text; link membership.
        var blockOf = new int[_n];
        var inLink = new bool[_n];
        for (int i = 0; i < _n; i++)
        {
            int p = dom.Parent[i];
            bool isElement = dom.Tag[i] is not null;
            bool block = isElement && (dom.Kind[i] & TagKind.Block) != 0;
            blockOf[i] = block ? i : p >= 0 ? blockOf[p] : i;
            inLink[i] = (isElement && (dom.Kind[i] & TagKind.Link) != 0) || (p >= 0 && inLink[p]);
        }
        for (int i = _n - 1; i >= 0; i--)
        {
            if (_removed[i]) continue;
            if (dom.Tag[i] is null)
            {
                _tl[i] = dom.TextLen[i];
                _cm[i] = dom.Commas[i];
                if (inLink[i]) _ll[i] = _tl[i];
                int b = blockOf[i];
                _ownTl[b] += _tl[i];
                _ownCm[b] += _cm[i];
                _ownLl[b] += _ll[i];
            }
            else
            {
                var k = dom.Kind[i];
                if (dom.Tag[i] == "p") _pc[i]++;
                if ((k & TagKind.ListItem) != 0) _li[i]++;
                if ((k & TagKind.Image) != 0) _img[i]++;
                if ((k & TagKind.Heading) != 0) _hc[i]++;
            }
            int p = dom.Parent[i];
            if (p < 0) continue;
            _tl[p] += _tl[i];
            _ll[p] += _ll[i];
            _cm[p] += _cm[i];
            _pc[p] += _pc[i];
            _li[p] += _li[i];
            _img[p] += _img[i];
            _hc[p] += _hc[i];
        }
        for (int i = _n - 1; i >= 0; i--)
        {
            if (_removed[i] || dom.Tag[i] is null) continue;
            if (_ownTl[i] >= 25 && _ownLl[i] * 3 < _ownTl[i] && (dom.Kind[i] & (TagKind.Heading | TagKind.List)) == 0) _pt[i] += _ownTl[i];
            int p = dom.Parent[i];
            if (p >= 0) _pt[p] += _pt[i];
        }
    }

    private float LinkDensity(int i) => _tl[i] == 0 ? 0 : (float)_ll[i] / _tl[i];

    private int PickTop()
    {
        var dom = _dom;
        for (int b = 0; b < _n; b++)
        {
            if (_removed[b] || dom.Tag[b] is null || _ownTl[b] < 25) continue;
            var k = dom.Kind[b];
            if ((k & (TagKind.Heading | TagKind.List)) != 0) continue;
            float s = 1 + _ownCm[b] + Math.Min(_ownTl[b] / 100, 3);
            // A container holding prose directly (text between <br>s, say) is itself a candidate.
            if (_ownTl[b] >= 1000 || (_ownTl[b] >= 200 && (k & TagKind.Container) != 0 && _ownLl[b] * 4 < _ownTl[b])) AddScore(b, s);
            int a = dom.Parent[b];
            for (int level = 0; a >= 0 && level < 5; level++)
            {
                float divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                AddScore(a, s / divider);
                a = dom.Parent[a];
            }
        }
        int top = 0;
        float best = float.MinValue;
        for (int i = 0; i < _n; i++)
        {
            if (!_scored[i] || _removed[i]) continue;
            float f = _score[i] * (1 - LinkDensity(i));
            _score[i] = f;
            if (f > best)
            {
                best = f;
                top = i;
            }
        }
        return top;
    }

    // The article is often split over several containers (chunks, cards, sections): move up to an ancestor when it
    // holds clearly more prose than the chosen one without turning into a link farm.
    private int WalkUp(int top)
    {
        var dom = _dom;
        // Prose blocks are alike when they have the same tag under a parent of the same tag and class: more of the
        // same article, not teasers of other stories.
        var kinds = new HashSet<int>();
        for (int i = top; i < dom.End[top]; i++)
        {
            if (IsProse(i)) kinds.Add(Signature(i));
        }
        int best = top;
        int bestProse = _pt[top];
        int a = dom.Parent[top];
        for (int level = 0; a > 0 && level < 6; level++, a = dom.Parent[a])
        {
            if (_removed[a]) break;
            if (_pt[a] - bestProse < Math.Max(150, bestProse / 10)) continue;
            int alike = 0;
            for (int i = a; i < dom.End[a]; i++)
            {
                if (_removed[i])
                {
                    i = dom.End[i] - 1;
                    continue;
                }
                if (IsProse(i) && kinds.Contains(Signature(i))) alike += _ownTl[i];
            }
            if (alike - bestProse >= Math.Max(150, bestProse / 10) && LinkDensity(a) < 0.35f)
            {
                best = a;
                bestProse = alike;
            }
        }
        return best;
    }

    private bool IsProse(int i) =>
        _dom.Tag[i] is not null && !_removed[i] && _ownTl[i] >= 25 && _ownLl[i] * 3 < _ownTl[i]
        && (_dom.Kind[i] & (TagKind.Heading | TagKind.List)) == 0;

    private int Signature(int i)
    {
        int p = _dom.Parent[i];
        return HashCode.Combine(_dom.Tag[i], p >= 0 ? _dom.Tag[p] : null, p >= 0 ? _dom.Hint[p] : null);
    }

    private void AddScore(int a, float s)
    {
        if (!_scored[a])
        {
            _scored[a] = true;
            _score[a] = InitialScore(a);
        }
        _score[a] += s;
    }

    private float InitialScore(int i)
    {
        string tag = _dom.Tag[i]!;
        float s = tag switch
        {
            "div" or "article" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        return s + ClassHints.Weight(_dom.Hint[i]);
    }

    private List<int> PickSiblings(int top)
    {
        var dom = _dom;
        var roots = new List<int>();
        int parent = dom.Parent[top];
        if (parent < 0 || top == 0)
        {
            roots.Add(top);
            return roots;
        }
        float threshold = Math.Max(10, _score[top] * 0.2f);
        string? topClass = dom.Element[top]?.GetAttribute("class");
        for (int s = parent + 1; s < dom.End[parent]; s = dom.End[s])
        {
            if (s == top)
            {
                roots.Add(s);
                continue;
            }
            if (_removed[s] || dom.Tag[s] is null) continue;
            float bonus = 0;
            if (!string.IsNullOrEmpty(topClass) && dom.Element[s]?.GetAttribute("class") == topClass) bonus = _score[top] * 0.2f;
            if (_scored[s] && _score[s] + bonus >= threshold)
            {
                roots.Add(s);
                continue;
            }
            if ((dom.Kind[s] & (TagKind.Paragraph | TagKind.Container)) != 0 || dom.Tag[s] == "p")
            {
                float ld = LinkDensity(s);
                int len = _tl[s];
                if (len > 80 && ld < 0.25f && _ownTl[s] * 2 > len)
                {
                    roots.Add(s);
                }
                else if (len is > 0 and <= 80 && ld == 0 && _ownTl[s] == len && EndsSentence(s))
                {
                    roots.Add(s);
                }
            }
        }
        return roots;
    }

    private bool EndsSentence(int i)
    {
        var dom = _dom;
        for (int j = dom.End[i] - 1; j >= i; j--)
        {
            if (dom.Tag[j] is null && dom.TextLen[j] > 0)
            {
                var t = dom.Text[j].AsSpan().TrimEnd();
                return t.Length > 0 && (t[^1] == '.' || t[^1] == '"' || t[^1] == '\u201D');
            }
        }
        return false;
    }

    // Conditional cleaning of containers inside the chosen content.
    private bool ShouldDrop(int i, int root)
    {
        var dom = _dom;
        var k = dom.Kind[i];
        float ld = LinkDensity(i);
        if ((k & (TagKind.Paragraph | TagKind.ListItem | TagKind.Heading)) != 0 && (k & TagKind.Container) == 0)
        {
            if (_tl[i] == 0 || dom.Tag[i] == "blockquote") return false;
            int parent = dom.Parent[i];
            if (parent >= 0 && dom.Tag[parent] == "blockquote") return false; // quoted posts are mostly links
            return (ld > 0.5f && _tl[i] < 300) || ld > 0.8f;
        }
        if ((k & TagKind.Container) == 0 || ClassHints.IsEmbeddedPost(dom.Hint[i])) return false;
        if (dom.Tag[i] == "article" && InsideArticle(i, root)) return true; // another post nested in the post: a teaser
        int weight = ClassHints.Weight(dom.Hint[i]);
        if (weight < 0 && _tl[i] * 2 < _tl[root]) return true; // a furniture name, unless it wraps most of the content
        if (_cm[i] >= 10) return false;
        int p = _pc[i], img = _img[i], li = _li[i];
        bool isList = (k & TagKind.List) != 0;
        if (img > 1 && p * 2 < img && _tl[i] < 200) return true;
        if (isList || dom.Tag[i] is "table" or "tbody" or "thead" or "tr") return ld > 0.5f; // lists and data tables often link names
        if (li > p + 3 && ld > 0.3f) return true;
        if (weight < 25 && ld > 0.25f) return true;
        if (weight >= 25 && ld > 0.5f) return true;
        if (_tl[i] < 25 && _hc[i] == 0 && (img == 0 || img > 2) && !isList) return true;
        return false;
    }

    // An h1 is the headline (left out) when nothing came before it or it repeats the title; later ones are subheadings.
    private bool IsHeadline(int i, int paragraphsSoFar)
    {
        if (paragraphsSoFar == 0 || _meta.Title is null) return true;
        var sb = new StringBuilder();
        for (int j = i; j < _dom.End[i]; j++)
        {
            if (_dom.Tag[j] is null) sb.Append(_dom.Text[j]);
        }
        string text = WebText.CollapseWhitespace(sb.ToString());
        return text.Length == 0 || _meta.Title.Contains(text, StringComparison.OrdinalIgnoreCase) || text.Contains(_meta.Title, StringComparison.OrdinalIgnoreCase);
    }

    private bool InsideArticle(int i, int root)
    {
        for (int a = _dom.Parent[i]; a >= 0; a = _dom.Parent[a])
        {
            if (_dom.Tag[a] == "article") return true;
            if (a == root) break;
        }
        return false;
    }

    private string Render(List<int> roots)
    {
        var dom = _dom;
        var paragraphs = new List<string>();
        var sb = new StringBuilder();
        var blockEnds = new Stack<int>();
        foreach (int r in roots)
        {
            int end = dom.End[r];
            int i = r;
            blockEnds.Clear();
            while (i < end)
            {
                while (blockEnds.Count > 0 && i >= blockEnds.Peek())
                {
                    blockEnds.Pop();
                    Flush(sb, paragraphs);
                }
                if (_removed[i])
                {
                    i = dom.End[i];
                    continue;
                }
                string? tag = dom.Tag[i];
                if (tag is null)
                {
                    sb.Append(dom.Text[i]);
                    i++;
                    continue;
                }
                var k = dom.Kind[i];
                if (i != r && !_keepAll && (ShouldDrop(i, r) || ((k & TagKind.Title) != 0 && IsHeadline(i, paragraphs.Count))))
                {
                    if ((k & TagKind.Block) != 0) Flush(sb, paragraphs);
                    i = dom.End[i];
                    continue;
                }
                if ((k & TagKind.LineBreak) != 0)
                {
                    Flush(sb, paragraphs);
                }
                else if ((k & TagKind.Block) != 0)
                {
                    Flush(sb, paragraphs);
                    blockEnds.Push(dom.End[i]);
                }
                else if ((k & TagKind.Inline) == 0 || tag is "img")
                {
                    sb.Append(' ');
                }
                i++;
            }
            Flush(sb, paragraphs);
        }
        return string.Join("\n\n", paragraphs);
    }

    private void Flush(StringBuilder sb, List<string> paragraphs)
    {
        if (sb.Length == 0) return;
        string p = WebText.CollapseWhitespace(sb.ToString());
        sb.Clear();
        if (p.Length == 0) return;
        if (Boilerplate.IsBoilerplateLine(p)) return;
        if (_meta.Title is not null && paragraphs.Count == 0 && string.Equals(p, _meta.Title, StringComparison.OrdinalIgnoreCase)) return;
        paragraphs.Add(p);
    }
}
