using System.Collections.Frozen;
using Dyad.Errors;
using Dyad.Util;

namespace Dyad.Coding;

/// <summary>
/// One verb pattern: <c>SUBJ verb [words] OBJ [words]</c> and the CAMEO code it yields. Words are matched in any
/// inflection; <see cref="Middle"/> must follow the verb in order before the target, <see cref="Tail"/> after it. A word
/// written <c>a|b|c</c> matches any of its alternatives ("launch attack|offensive|raid on OBJ").
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
    /// The target must be the verb's own direct (or indirect) object, not an actor deeper in the object's phrase:
    /// "struck Gaza" but not "struck a deal to buy Yukos", "called Putin" but not "called a truce in its battle with France".
    /// </summary>
    public bool DirectObject { get; init; }
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
    // For the parse gate: each pattern word has an id; a text form maps to the ids of the pattern words it is a form
    // of, and a verb form to the distinct sets of pattern words its patterns need (empty set: the verb alone).
    private readonly FrozenDictionary<string, int[]> _formWordIds;
    private readonly FrozenDictionary<string, int[][]> _needsByForm;
    private readonly FrozenDictionary<string, int[][]> _needsPerPattern;
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
        (PatternWordCount, _formWordIds, _needsByForm, _needsPerPattern) = BuildGate(byForm, wordForms);
    }

    /// <summary>How many distinct pattern words there are (ids run from 0 to this count - 1).</summary>
    public int PatternWordCount { get; }

    private static (int, FrozenDictionary<string, int[]>, FrozenDictionary<string, int[][]>, FrozenDictionary<string, int[][]>) BuildGate(
        FrozenDictionary<string, VerbPattern[]> byForm, FrozenDictionary<string, FrozenSet<string>> wordForms)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var formIds = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (word, forms) in wordForms)
        {
            int id = ids.Count;
            ids[word] = id;
            foreach (var f in forms)
            {
                if (!formIds.TryGetValue(f, out var l)) formIds[f] = l = [];
                l.Add(id);
            }
        }
        var needs = new Dictionary<string, int[][]>(StringComparer.Ordinal);
        var perPattern = new Dictionary<string, int[][]>(StringComparer.Ordinal);
        var shared = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var aligned = new List<int[]>();
        foreach (var (form, patterns) in byForm)
        {
            var distinct = new List<int[]>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in patterns)
            {
                // Prepositions are not required: with a compound subject ("X and Y signed a deal") the target needs no "with".
                // Nor is a PETRARCH "^" (any noun phrase).
                var need = new SortedSet<int>();
                foreach (var w in p.Pre) if (IsRequired(w)) need.Add(ids[w]);
                foreach (var w in p.Middle) if (IsRequired(w)) need.Add(ids[w]);
                foreach (var w in p.Tail) if (IsRequired(w)) need.Add(ids[w]);
                string key = string.Join(',', need);
                if (!shared.TryGetValue(key, out var arr)) shared[key] = arr = [.. need];
                aligned.Add(arr);
                if (seen.Add(key)) distinct.Add(arr);
            }
            distinct.Sort((a, b) => a.Length.CompareTo(b.Length));   // the verb alone (no words) is checked first
            needs[form] = [.. distinct];
            perPattern[form] = [.. aligned];
            aligned.Clear();
        }
        return (ids.Count, formIds.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            needs.ToFrozenDictionary(StringComparer.Ordinal), perPattern.ToFrozenDictionary(StringComparer.Ordinal));

        static bool IsRequired(string w) => !Prepositions.Contains(w) && w != "^";
    }

    /// <summary>
    /// For each pattern of <see cref="ForVerbForm"/> (same order), the ids of the words it needs in the sentence
    /// besides the verb (prepositions and "^" aside); see <see cref="Covers"/>.
    /// </summary>
    public ReadOnlySpan<int[]> NeedsOfVerbForm(ReadOnlySpan<char> lowerVerbForm)
    {
        var lookup = _needsPerPattern.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(lowerVerbForm, out var needs) ? needs : ReadOnlySpan<int[]>.Empty;
    }

    /// <summary>Whether every needed word is marked present.</summary>
    public static bool Covers(int[] need, ReadOnlySpan<bool> present)
    {
        foreach (int id in need)
            if (!present[id]) return false;
        return true;
    }

    /// <summary>The ids of the pattern words that this lowercase text word is a form of (empty for most words).</summary>
    public ReadOnlySpan<int> PatternWordsOf(ReadOnlySpan<char> lowerWord)
    {
        var lookup = _formWordIds.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(lowerWord, out var ids) ? ids : ReadOnlySpan<int>.Empty;
    }

    /// <summary>
    /// Whether some pattern of this verb form could match a sentence whose words include the pattern words marked in
    /// <paramref name="present"/> (indexed by the ids of <see cref="PatternWordsOf"/>): every word the pattern needs
    /// occurs somewhere in the sentence. False when the form is no pattern verb. Order and distance are not checked,
    /// so this never rules out a sentence the coder could code.
    /// </summary>
    public bool CouldMatch(ReadOnlySpan<char> lowerVerbForm, ReadOnlySpan<bool> present)
    {
        var lookup = _needsByForm.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(lowerVerbForm, out var needs)) return false;
        foreach (var need in needs)
            if (Covers(need, present)) return true;
        return false;
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
                $"{f[0]} {f[1]}", $"{fileName}:{n}")
            {
                // rev: the subject is the target, the actor after the pattern words the source ("X received aid from Y")
                TargetIsSubject = flags.Contains("rev", StringComparison.Ordinal),
                DirectObject = flags.Contains("direct", StringComparison.Ordinal),
            });
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
            // an exact pattern's word matches as written (its alternatives, no inflections); recorded even when a
            // non-exact pattern added the same word first
            if (exact && !exactForms.ContainsKey(w)) exactForms[w] = w.Split('|').ToFrozenSet(StringComparer.Ordinal);
            if (wordForms.ContainsKey(w)) return;
            // "attack|offensive|raid": one pattern word that matches any of its alternatives (one token each)
            var forms = new HashSet<string>(StringComparer.Ordinal);
            foreach (var alt in w.Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                if (Prepositions.Contains(alt) || alt.Length <= 2) forms.Add(alt);
                else forms.UnionWith(Inflection.WordForms(alt, irregular));
            }
            wordForms[w] = forms.ToFrozenSet(StringComparer.Ordinal);
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
