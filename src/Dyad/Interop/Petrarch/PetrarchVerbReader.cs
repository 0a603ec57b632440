using Dyad.Coding;

namespace Dyad.Interop.Petrarch;

/// <summary>
/// Reads a PETRARCH / TABARI verb dictionary (CAMEO.2.0.txt, PETR.Validate.verbs.txt) into Dyad verb patterns.
/// <list type="bullet">
/// <item>Synsets: <c>&amp;NAME</c> then <c>+MEMBER</c> lines (members may be phrases or other synsets).</item>
/// <item>Verb blocks: <c>--- NAME [CODE] ---</c>, then verb lines <c>VERB {FORMS}</c> (multi-word verbs <c>+BREAK_DOWN</c>,
/// <c>WIRE_+TAP</c>: the <c>+</c> marks the verb word), then pattern lines <c>- words * words [CODE]</c>.</item>
/// <item>In patterns: <c>*</c> the verb, <c>+</c> the target (before the verb without a <c>$</c> after it:
/// <see cref="VerbPattern.TargetBeforeVerb"/>), <c>$</c> the source, <c>%</c> a compound subject, <c>^</c> a skipped
/// word, <c>&amp;NAME</c> a synset, <c>_</c> joins words; <c>{ }</c> (noun phrase) and <c>( )</c> (prepositional
/// phrase) group words and are read as the words in order.</item>
/// <item>Pattern words are complete words (<see cref="VerbPattern.ExactWords"/>); a synset member also stands for its
/// regular plural ("dollar|dollars"), unless the member or the synset's label ends in <c>_</c>.</item>
/// <item>Codes: <c>[042]</c>, <c>[032:033]</c> (the second code from the target back to the source), <c>[---]</c> no code,
/// <c>[+++]</c> (a TABARI leftover) no pattern.</item>
/// </list>
/// The block code is the pattern "SUBJ verb OBJ" for every verb of the block. Synsets are expanded into alternative
/// patterns (at most <see cref="MaxExpansion"/> per pattern line).
/// </summary>
public static class PetrarchVerbReader
{
    /// <summary>Upper bound on the alternatives one pattern line expands into through its synsets.</summary>
    public const int MaxExpansion = 400;

    /// <summary>What a verb dictionary holds once read.</summary>
    public sealed record Result(List<VerbPattern> Patterns, Dictionary<string, string[]> Forms, int Blocks, int PatternLines,
        int Synsets, List<string> Warnings);

    /// <summary>A pattern element; <see cref="Joined"/> when "_" ties it to the element before.</summary>
    private abstract record Item
    {
        public bool Joined { get; init; }
    }
    private sealed record Word(string Text) : Item;
    private sealed record Synset(string Name) : Item;
    private sealed record Mark(char Kind) : Item;

    public static Result Read(IEnumerable<string> lines, string fileName)
    {
        var synsets = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var singularOnly = new HashSet<string>(StringComparer.Ordinal);
        var warnings = new List<string>();
        // First pass: synsets (they may be defined after their first use).
        string? current = null;
        foreach (var raw in lines.Select(StripComment))
        {
            var line = raw.Trim();
            if (line.Length == 0) { current = null; continue; }
            if (line[0] == '&')
            {
                current = SynsetName(line);
                if (!synsets.ContainsKey(current)) synsets[current] = [];
                // "&AUXVERB3_": no plurals for any member
                if (line.Split(' ', '\t')[0].EndsWith('_')) singularOnly.Add(current);
                continue;
            }
            if (current is not null && line[0] == '+') synsets[current].Add(line[1..].Trim());
            else current = null;
        }

        var patterns = new List<VerbPattern>();
        var forms = new Dictionary<string, string[]>(StringComparer.Ordinal);
        int blocks = 0, patternLines = 0, n = 0;
        string? blockCode = null;
        var verbs = new List<(string[] Pre, string Verb, string[] Post)>();
        bool inSynset = false;
        foreach (var raw in lines)
        {
            n++;
            var line = StripComment(raw).Trim();
            if (line.Length == 0) { inSynset = false; continue; }
            if (line[0] == '&') { inSynset = true; continue; }
            if (inSynset && line[0] == '+') continue;
            inSynset = false;
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                blocks++;
                verbs.Clear();
                blockCode = CodeIn(line, out _);
                continue;
            }
            if (line[0] == '-')
            {
                patternLines++;
                if (verbs.Count == 0) { warnings.Add($"{fileName}:{n}: pattern before any verb"); continue; }
                string? code = CodeIn(line, out int codeAt);
                // "[---]" codes nothing; "[+++]" (a TABARI leftover) is read as no pattern, so the verb's other patterns decide
                if (code is null || code.StartsWith("+++", StringComparison.Ordinal)) continue;
                var body = codeAt >= 0 ? line[1..codeAt] : line[1..];
                var items = Items(body);
                foreach (var expanded in Expand(items, synsets, singularOnly, 0))
                {
                    foreach (var v in verbs)
                    {
                        var p = Build(expanded, v, code, $"{fileName}:{n}", line);
                        if (p is not null) patterns.Add(p);
                    }
                }
                continue;
            }
            if (blockCode is null && line[0] != '+' && verbs.Count == 0 && !char.IsLetter(line[0])) continue;
            // A verb line: VERB {FORMS} or +MULTI_WORD {FORMS} or WIRE_+TAP {FORMS} [optional own code]
            string? ownCode = CodeIn(line, out int ownAt);
            if (ownAt >= 0) line = line[..ownAt].Trim();
            var verb = VerbLine(line, forms);
            if (verb is null) continue;
            verbs.Add(verb.Value);
            var bare = ownCode ?? blockCode;
            if (bare is not null && !bare.StartsWith("+++", StringComparison.Ordinal))
            {
                var (code, rev) = SplitCode(bare);
                patterns.Add(new VerbPattern(code, verb.Value.Verb, verb.Value.Post, [], false, false,
                    $"{code} {string.Join(' ', verb.Value.Pre)} {verb.Value.Verb} {string.Join(' ', verb.Value.Post)}".Replace("  ", " ").Trim(),
                    $"{fileName}:{n}")
                { Pre = verb.Value.Pre, ReverseCode = rev, ExactWords = true });
            }
        }
        return new Result(patterns, forms, blocks, patternLines, synsets.Count, warnings);
    }

    private static string SynsetName(string line)
    {
        int end = 1;
        while (end < line.Length && !char.IsWhiteSpace(line[end])) end++;
        return line[1..end].TrimEnd('_').ToUpperInvariant();
    }

    internal static string StripComment(string line)
    {
        var t = line.TrimStart();
        if (t.StartsWith("<!", StringComparison.Ordinal) || t.StartsWith("-->", StringComparison.Ordinal)) return "";
        int hash = line.IndexOf('#');
        return hash >= 0 ? line[..hash] : line;
    }

    /// <summary>The bracketed code of a line ("[042]"), null for "---" or when absent; <paramref name="at"/> where it starts.</summary>
    private static string? CodeIn(string line, out int at)
    {
        at = line.LastIndexOf('[');
        if (at < 0) return null;
        int end = line.IndexOf(']', at);
        if (end < 0) return null;
        var code = line[(at + 1)..end].Trim();
        if (code.Length == 0 || code.StartsWith("---", StringComparison.Ordinal)) return null;
        return code;
    }

    private static (string Code, string? Reverse) SplitCode(string code)
    {
        int colon = code.IndexOf(':');
        if (colon < 0) return (code, null);
        var rev = code[(colon + 1)..].Trim();
        return (code[..colon].Trim(), rev.Length == 0 || rev.StartsWith("---", StringComparison.Ordinal) ? null : rev);
    }

    private static (string[] Pre, string Verb, string[] Post)? VerbLine(string line, Dictionary<string, string[]> forms)
    {
        string head = line;
        string[] listed = [];
        int brace = line.IndexOf('{');
        if (brace >= 0)
        {
            head = line[..brace].Trim();
            int close = line.IndexOf('}', brace);
            var inner = close > brace ? line[(brace + 1)..close] : line[(brace + 1)..];
            listed = inner.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        head = head.Trim();
        if (head.Length == 0) return null;
        var (pre, verb, post) = SplitVerbWords(head);
        if (verb.Length == 0) return null;
        if (listed.Length > 0)
        {
            var list = new List<string>();
            foreach (var f in listed)
            {
                var (_, fv, _) = SplitVerbWords(f);
                if (fv.Length > 0) list.Add(fv);
            }
            if (forms.TryGetValue(verb, out var old)) list.AddRange(old);
            forms[verb] = [.. list.Distinct()];
        }
        return (pre, verb, post);
    }

    /// <summary>"WIRE_+TAP" → ([wire], tap, []); "+BREAK_DOWN" → ([], break, [down]); "ARNOR" → ([], arnor, []).</summary>
    private static (string[] Pre, string Verb, string[] Post) SplitVerbWords(string head)
    {
        var words = head.Replace(' ', '_').Split('_', StringSplitOptions.RemoveEmptyEntries);
        int v = -1;
        for (int i = 0; i < words.Length; i++)
        {
            if (words[i].StartsWith('+')) { v = i; break; }
        }
        if (v < 0) v = 0;
        var clean = new string[words.Length];
        for (int i = 0; i < words.Length; i++) clean[i] = words[i].TrimStart('+').ToLowerInvariant();
        return (clean[..v], v < clean.Length ? clean[v] : "", clean[(v + 1)..]);
    }

    private static List<Item> Items(string body)
    {
        var items = new List<Item>();
        var sb = new System.Text.StringBuilder();
        bool joinNext = false;
        void Add(Item item)
        {
            items.Add(item with { Joined = joinNext && items.Count > 0 });
            joinNext = false;
        }
        void Flush()
        {
            if (sb.Length == 0) return;
            var w = sb.ToString();
            sb.Clear();
            if (w[0] == '&') Add(new Synset(w[1..].TrimEnd('_').ToUpperInvariant()));
            else Add(new Word(w.ToLowerInvariant()));
        }
        foreach (char c in body)
        {
            switch (c)
            {
                case '_':
                    Flush();
                    joinNext = true;
                    break;
                case ' ': case '\t': case '{': case '}': case '(': case ')':
                    Flush();
                    joinNext = false;
                    break;
                case '*': case '+': case '$': case '%': case '^':
                    if (c == '+' && sb.Length > 0) { sb.Append(c); break; }
                    Flush();
                    Add(new Mark(c));
                    break;
                case '&':
                    Flush();
                    sb.Append(c);
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        Flush();
        return items;
    }

    /// <summary>Replaces synsets with each of their members (recursively), yielding plain item lists.</summary>
    private static IEnumerable<List<Item>> Expand(List<Item> items, Dictionary<string, List<string>> synsets, HashSet<string> singularOnly,
        int depth)
    {
        int at = items.FindIndex(i => i is Synset);
        if (at < 0 || depth > 4)
        {
            yield return items.Where(i => i is not Synset).ToList();
            yield break;
        }
        var name = ((Synset)items[at]).Name;
        if (!synsets.TryGetValue(name, out var members) || members.Count == 0)
        {
            var without = new List<Item>(items);
            without.RemoveAt(at);
            foreach (var r in Expand(without, synsets, singularOnly, depth)) yield return r;
            yield break;
        }
        int produced = 0;
        foreach (var member in members)
        {
            var replaced = new List<Item>(items.Count + 2);
            replaced.AddRange(items.Take(at));
            bool firstOfMember = true;
            int start = replaced.Count;
            foreach (var mi in Items(member))
            {
                if (mi is Mark) continue; // a "+" inside a member marks nothing here
                replaced.Add(firstOfMember ? mi with { Joined = items[at].Joined } : mi);
                firstOfMember = false;
            }
            // PETRARCH generates a member's regular plural unless the member or the synset's label ends with "_"
            if (replaced.Count > start && replaced[^1] is Word last && !member.TrimEnd().EndsWith('_') && !singularOnly.Contains(name))
                replaced[^1] = last with { Text = last.Text + "|" + Plural(last.Text) };
            replaced.AddRange(items.Skip(at + 1));
            foreach (var r in Expand(replaced, synsets, singularOnly, depth + 1))
            {
                if (produced++ >= MaxExpansion) yield break;
                yield return r;
            }
        }
    }

    /// <summary>PETRARCH's regular plural: +s, (consonant) y → ies, ss → sses.</summary>
    private static string Plural(string w)
    {
        if (w.EndsWith("ss", StringComparison.Ordinal)) return w + "es";
        if (w.Length > 1 && w[^1] == 'y' && "aeiou".IndexOf(w[^2]) < 0) return w[..^1] + "ies";
        return w + "s";
    }

    private static VerbPattern? Build(List<Item> items, (string[] Pre, string Verb, string[] Post) verb, string rawCode, string source, string line)
    {
        int star = items.FindIndex(i => i is Mark { Kind: '*' });
        if (star < 0) return null;
        var pre = new List<string>();
        var preAdjacent = new List<bool>();
        bool compound = false, targetBefore = false, sourceAfter = false;
        for (int i = 0; i < star; i++)
        {
            switch (items[i])
            {
                case Word w:
                    pre.Add(w.Text);
                    // "RECENTLY_*": tied to what follows
                    preAdjacent.Add(i + 1 < items.Count && items[i + 1].Joined && items[i + 1] is Word or Mark { Kind: '*' });
                    break;
                case Mark { Kind: '%' }: compound = true; break;
                case Mark { Kind: '+' }: targetBefore = true; break;
            }
        }
        foreach (var w in verb.Pre) { pre.Add(w); preAdjacent.Add(true); }
        var middle = new List<string>(verb.Post);
        var middleAdjacent = new List<bool>();
        foreach (var _ in verb.Post) middleAdjacent.Add(true);
        var tail = new List<string>();
        bool afterTarget = false;
        for (int i = star + 1; i < items.Count; i++)
        {
            switch (items[i])
            {
                case Word w when !afterTarget:
                    middle.Add(w.Text);
                    middleAdjacent.Add(w.Joined && items[i - 1] is Word or Mark { Kind: '*' });
                    break;
                case Word w: tail.Add(w.Text); break;
                case Mark { Kind: '+' }: afterTarget = true; break;
                case Mark { Kind: '$' }:
                    sourceAfter = true;
                    afterTarget = true;
                    break;
                case Mark { Kind: '%' }: afterTarget = true; break; // "* WITH %": a compound target, coded member by member
                case Mark { Kind: '^' }:
                    if (afterTarget) tail.Add("^");
                    else { middle.Add("^"); middleAdjacent.Add(false); }
                    break;
            }
        }
        var (code, rev) = SplitCode(rawCode);
        return new VerbPattern(code, verb.Verb, [.. middle], [.. tail], false, false, $"{code} {line.Trim()}", source)
        {
            Pre = [.. pre],
            PreAdjacent = preAdjacent.Contains(true) ? [.. preAdjacent] : [],
            MiddleAdjacent = middleAdjacent.Contains(true) ? [.. middleAdjacent] : [],
            ReverseCode = rev,
            CompoundSource = compound,
            TargetIsSubject = targetBefore && sourceAfter,
            TargetBeforeVerb = targetBefore && !sourceAfter,
            ExactWords = true,
        };
    }
}
