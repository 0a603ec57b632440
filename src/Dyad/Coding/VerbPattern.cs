using System.Collections.Frozen;
using Dyad.Errors;
using Dyad.Util;

namespace Dyad.Coding;

/// <summary>
/// One verb pattern: <c>SUBJ verb [words] OBJ [words]</c> and the CAMEO code it yields. Words are matched in any
/// inflection; <see cref="Middle"/> must follow the verb in order before the target, <see cref="Tail"/> after it.
/// </summary>
public sealed record VerbPattern(string Code, string Verb, string[] Middle, string[] Tail, bool Symmetric, bool NoPassive,
    string Text, string Source)
{
    /// <summary>Words that must come before the verb, in order, the last nearest to it ("said * to attend": "said").</summary>
    public string[] Pre { get; init; } = [];
    /// <summary>Which <see cref="Pre"/> words must come right before the next pattern element (PETRARCH's "RECENTLY_*"); empty: none.</summary>
    public bool[] PreAdjacent { get; init; } = [];
    /// <summary>Which <see cref="Middle"/> words must come right after the previous element ("*_DOWN"); empty: none.</summary>
    public bool[] MiddleAdjacent { get; init; } = [];
    /// <summary>When set, a second event from the target back to the source with this code (visit 042 / host 043).</summary>
    public string? ReverseCode { get; init; }
    /// <summary>The subject is a compound ("X and Y agreed"): events between its members in both directions; no target needed.</summary>
    public bool CompoundSource { get; init; }
    /// <summary>Roles swapped: the subject is the target, the actor after the pattern words the source.</summary>
    public bool TargetIsSubject { get; init; }
    /// <summary>
    /// The target stands before the verb and the source is the subject of the clause above ("[Gondor] noted that
    /// [Mordor] regretted ...": PETRARCH's <c>NOTED + *</c>).
    /// </summary>
    public bool TargetBeforeVerb { get; init; }
    /// <summary>
    /// Pattern words may match only as written, not inflected (PETRARCH-2: "only works with complete words"), when the
    /// coder's <see cref="EventCoderOptions.ExactPatternWords"/> asks for it; a word may list its accepted forms joined
    /// with '|' ("dollar|dollars", a synset member and its generated plural).
    /// </summary>
    public bool ExactWords { get; init; }
    /// <summary>More specific patterns (more words) are tried first.</summary>
    public int Specificity => Pre.Length + Middle.Length + Tail.Length + (CompoundSource ? 1 : 0);
    /// <summary>The word right before the target, when it is a preposition-like word ("with", "on").</summary>
    public string? Preposition => Middle.Length > 0 && VerbPatternSet.Prepositions.Contains(Middle[^1]) ? Middle[^1] : null;
}

/// <summary>
/// The verb patterns (data/patterns/verbs.txt, or a user's file), indexed by every inflected form of their verb.
/// Immutable after loading; share one instance.
/// </summary>
public sealed class VerbPatternSet
{
    internal static readonly FrozenSet<string> Prepositions = new[]
    {
        "with", "to", "on", "against", "from", "in", "into", "at", "for", "of", "by", "between", "upon", "behind", "near",
        "about", "over", "toward", "towards", "out",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, VerbPattern[]> _byForm;
    private readonly FrozenDictionary<string, FrozenSet<string>> _wordForms;
    private readonly FrozenDictionary<string, FrozenSet<string>> _exactForms;

    private VerbPatternSet(List<VerbPattern> patterns, FrozenDictionary<string, VerbPattern[]> byForm,
        FrozenDictionary<string, FrozenSet<string>> wordForms, FrozenDictionary<string, FrozenSet<string>> exactForms,
        IReadOnlyDictionary<string, string[]> irregular)
    {
        Patterns = patterns;
        _byForm = byForm;
        _wordForms = wordForms;
        _exactForms = exactForms;
        Irregular = irregular;
    }

    public IReadOnlyList<VerbPattern> Patterns { get; }
    public IReadOnlyDictionary<string, string[]> Irregular { get; }

    private static readonly Lazy<VerbPatternSet> DefaultSet = new(() =>
        Load(EmbeddedData.ReadLines("patterns/verbs.txt"), "verbs.txt", LoadIrregular(EmbeddedData.ReadLines("patterns/irregular-verbs.txt")), out _));

    public static VerbPatternSet Default => DefaultSet.Value;

    public static Dictionary<string, string[]> LoadIrregular(IEnumerable<string> lines)
    {
        var d = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length >= 2) d[f[0].Trim()] = f[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }
        return d;
    }

    /// <summary>Loads patterns; malformed lines are reported in <paramref name="errors"/> and skipped.</summary>
    public static VerbPatternSet Load(IEnumerable<string> lines, string fileName, IReadOnlyDictionary<string, string[]> irregular,
        out List<DyadError> errors)
    {
        errors = new List<DyadError>();
        var patterns = new List<VerbPattern>();
        int n = 0;
        foreach (var raw in lines)
        {
            n++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t', StringSplitOptions.TrimEntries);
            if (f.Length < 2 || !CameoCode.TryParse(f[0], out _))
            {
                errors.Add(ErrorCatalog.DataFileLine(fileName, n, "expected CAMEO-CODE <tab> SUBJ verb ... OBJ"));
                continue;
            }
            var words = f[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int obj = Array.IndexOf(words, "OBJ");
            if (words.Length < 3 || words[0] != "SUBJ" || obj < 2)
            {
                errors.Add(ErrorCatalog.DataFileLine(fileName, n, $"pattern '{f[1]}' must read SUBJ verb [words] OBJ [words]"));
                continue;
            }
            string flags = f.Length > 2 ? f[2] : "";
            patterns.Add(new VerbPattern(f[0], words[1].ToLowerInvariant(), Lower(words[2..obj]), Lower(words[(obj + 1)..]),
                flags.Contains("sym", StringComparison.Ordinal), flags.Contains("nopass", StringComparison.Ordinal),
                $"{f[0]} {f[1]}", $"{fileName}:{n}"));
        }
        return Create(patterns, irregular);
    }

    /// <summary>
    /// A set from patterns built in code (e.g. imported from another dictionary format). <paramref name="extraForms"/>
    /// adds verb forms a dictionary spells out (lemma → forms) to the generated inflections.
    /// </summary>
    public static VerbPatternSet Create(List<VerbPattern> patterns, IReadOnlyDictionary<string, string[]> irregular,
        IReadOnlyDictionary<string, string[]>? extraForms = null)
    {
        var byForm = new Dictionary<string, List<VerbPattern>>(StringComparer.Ordinal);
        var wordForms = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        var exactForms = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        var formsOf = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var p in patterns)
        {
            if (!formsOf.TryGetValue(p.Verb, out var forms))
            {
                var set = new HashSet<string>(Inflection.VerbForms(p.Verb, irregular), StringComparer.Ordinal);
                if (extraForms is not null && extraForms.TryGetValue(p.Verb, out var extra)) set.UnionWith(extra);
                formsOf[p.Verb] = forms = [.. set];
            }
            foreach (var form in forms)
            {
                if (!byForm.TryGetValue(form, out var list)) byForm[form] = list = new List<VerbPattern>();
                list.Add(p);
            }
            foreach (var w in p.Pre) AddWord(w, p.ExactWords);
            foreach (var w in p.Middle) AddWord(w, p.ExactWords);
            foreach (var w in p.Tail) AddWord(w, p.ExactWords);
        }
        void AddWord(string w, bool exact)
        {
            if (exact && !exactForms.ContainsKey(w)) exactForms[w] = w.Split('|').ToFrozenSet(StringComparer.Ordinal);
            if (exact && w.Contains('|') && !wordForms.ContainsKey(w))
            {
                var all = new HashSet<string>(StringComparer.Ordinal);
                foreach (var alt in w.Split('|')) all.UnionWith(Inflection.WordForms(alt, irregular));
                wordForms[w] = all.ToFrozenSet(StringComparer.Ordinal);
            }
            else if (!wordForms.ContainsKey(w))
                wordForms[w] = Prepositions.Contains(w) || w.Length <= 2
                    ? new[] { w }.ToFrozenSet(StringComparer.Ordinal)
                    : Inflection.WordForms(w, irregular).ToFrozenSet(StringComparer.Ordinal);
        }
        var frozen = byForm.ToFrozenDictionary(kv => kv.Key,
            kv => kv.Value.OrderByDescending(p => p.Specificity).ThenBy(p => p.Verb == kv.Key ? 0 : 1).ThenBy(p => p.Code, StringComparer.Ordinal).ToArray(),
            StringComparer.Ordinal);
        return new VerbPatternSet(patterns, frozen, wordForms.ToFrozenDictionary(StringComparer.Ordinal),
            exactForms.ToFrozenDictionary(StringComparer.Ordinal), irregular);
    }

    private static string[] Lower(string[] words)
    {
        var r = new string[words.Length];
        for (int i = 0; i < words.Length; i++) r[i] = words[i].ToLowerInvariant();
        return r;
    }

    /// <summary>Patterns whose verb has this (lowercase) form, most specific first; empty when none.</summary>
    public ReadOnlySpan<VerbPattern> ForVerbForm(ReadOnlySpan<char> lowerWord)
    {
        var lookup = _byForm.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(lowerWord, out var ps) ? ps : ReadOnlySpan<VerbPattern>.Empty;
    }

    /// <summary>Whether a text word (lowercase) is a form of a pattern word (with <paramref name="exact"/>, one of its listed forms).</summary>
    public bool WordMatches(string patternWord, ReadOnlySpan<char> lowerWord, bool exact = false) =>
        (exact ? _exactForms : _wordForms).TryGetValue(patternWord, out var forms) && forms.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lowerWord);
}
