using System.Diagnostics;
using System.Globalization;
using Dyad.Actors.Names;
using Dyad.Knowledge;
using Dyad.Syntax;

namespace Dyad.Evaluation;

/// <summary>Precision, recall and F1 of one name type (or of all, <see cref="Type"/> null).</summary>
public sealed record NerTypeScore(NameType? Type, int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Scores of <see cref="NerEvaluation"/>: per type (PER, ORG, LOC) and overall, with speed.</summary>
/// <remarks><see cref="SentencesPerSecond"/> is by the wall clock, <see cref="SentencesPerCpuSecond"/> by the process's CPU time
/// (steadier on a busy machine); both for name finding alone, one thread.</remarks>
public sealed record NerScores(int Documents, int Sentences, bool Tagged, IReadOnlyList<NerTypeScore> ByType, NerTypeScore All,
    double SentencesPerSecond, double SentencesPerCpuSecond);

/// <summary>
/// Scores <see cref="NameFinder"/> against the GUM Wikinews news documents (WebAnno TSV 3.2,
/// <c>coref/gum/tsv/GUM_news_*.tsv</c>) with the gold tokenization and sentences.
/// <para><b>Gold names.</b> GUM marks every referring expression (pronouns and descriptions included) with one of ten
/// entity types; a named-entity gold standard is derived from its person, organization and place mentions (→ PER,
/// ORG, LOC) the way CoNLL-style NER marks names, with these rules:</para>
/// <list type="number">
/// <item>Only the name inside a mention counts: the run of capitalised words (joined by "of", "for", "on", "and",
/// "at", "the", "&amp;", hyphens and name particles such as "al", "bin", "de", "van") that holds the mention's head.
/// The head is taken to be the last word of the mention that is not inside a nested mention (head-final noun phrases
/// such as "U.S. President Donald Trump"); when that word is not capitalised, the first such word is used when the
/// run holding it is followed by a post-modifier ("Devocht , who ...", "University of Texas Arlington"). A mention whose
/// head is not capitalised ("the Afghan team", "his father") is not a name.</item>
/// <item>Determiners are not part of names: "the United States" is scored as "United States", "The Straits Times" as
/// "Straits Times"; nor is a trailing possessive: "Mecca 's" is "Mecca".</item>
/// <item>Titles and roles are not part of a person's name: "Professor Cres Eastman" is "Cres Eastman", "U.S. President
/// Donald Trump" is "Donald Trump" (with "U.S." a place of its own, as GUM nests it); a person mention that is only a
/// title ("the Secretary of State", "Malaysia 's Prime Minister") is not a name. For persons a nested mention at the
/// front of the run is also cut off ("United States Hamdullah Mohib" → "Hamdullah Mohib").</item>
/// <item>A lone capitalised word opening a sentence whose lower-case form occurs in GUM ("Police said") is a name only
/// when GUM links the mention to Wikipedia.</item>
/// <item>Nationalities, religions and peoples ("Afghans", "Muslims", "the Rohingya", which GUM types as person groups,
/// CoNLL's MISC and OntoNotes' NORP) are neither gold nor errors: a prediction with exactly their span is ignored.</item>
/// </list>
/// <para>A prediction is correct when its span and type equal a gold name's. Names GUM types otherwise (events such as
/// "FIFA World Cup", objects such as "Internet Explorer") are not gold, so predicting them is a false positive.</para>
/// <para>The finder runs sentence by sentence with one <see cref="NameMemory"/> per document, with Universal POS tags
/// from Dyad's tagger when its model loads (the setting of the pipeline, where the syntax stage runs first) and also
/// without tags; the last line written, for the tagged run, is <c>ner: precision P recall R f1 F</c>.</para>
/// </summary>
public static class NerEvaluation
{
    /// <summary>Runs the evaluation on the GUM folder (the gum-wikinews folder, its coref/ folder or a folder of TSV files).</summary>
    public static NerScores Run(string gumDirectory, TextWriter output) => Run(gumDirectory, output, listErrors: 0);

    /// <summary>As <see cref="Run(string, TextWriter)"/>, also listing up to <paramref name="listErrors"/> missed and spurious names.</summary>
    public static NerScores Run(string gumDirectory, TextWriter output, int listErrors)
    {
        ArgumentNullException.ThrowIfNull(output);
        var docs = LoadGold(gumDirectory);
        int sentences = 0;
        foreach (var d in docs) sentences += d.Sentences.Count;
        output.WriteLine($"gold: {docs.Count} GUM news documents, {sentences} sentences");

        return Evaluate(docs, output, listErrors);
    }

    /// <summary>
    /// Scores the finder on a Universal NER file (IOB2: ID FORM TAG per line, "# newdoc" starting a document), e.g.
    /// UNER English EWT, web text the finder was not tuned on. Same report and last line as <see cref="Run(string, TextWriter)"/>.
    /// </summary>
    public static NerScores RunIob2(string path, TextWriter output, int listErrors = 0)
    {
        ArgumentNullException.ThrowIfNull(output);
        var docs = LoadIob2(path);
        int sentences = 0;
        foreach (var d in docs) sentences += d.Sentences.Count;
        output.WriteLine($"gold: {Path.GetFileName(path)}, {docs.Count} documents, {sentences} sentences");
        return Evaluate(docs, output, listErrors);
    }

    private static NerScores Evaluate(List<GoldDocument> docs, TextWriter output, int listErrors)
    {
        Tagger? tagger = null;
        try { tagger = SyntaxModels.LoadDefault().Tagger; }
        catch (Exception ex) when (ex is IOException or InvalidDataException or InvalidOperationException)
        {
            output.WriteLine($"tagger unavailable ({ex.Message}): scoring without tags only");
        }

        var finder = NameFinder.Default;
        var untagged = Score(finder, docs, null, output, tagger is null ? listErrors : 0);
        Report(output, "without tags", untagged);
        var scores = untagged;
        if (tagger is not null)
        {
            scores = Score(finder, docs, tagger, output, listErrors);
            Report(output, "with UPOS tags", scores);
        }
        var a = scores.All;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ner: precision {a.Precision:0.000} recall {a.Recall:0.000} f1 {a.F1:0.000}"));
        return scores;
    }

    private static List<GoldDocument> LoadIob2(string path)
    {
        var docs = new List<GoldDocument>();
        GoldDocument? doc = null;
        var words = new List<string>();
        var tags = new List<string>();

        void Flush()
        {
            if (words.Count == 0) return;
            if (doc is null) { doc = new GoldDocument("doc" + docs.Count.ToString(CultureInfo.InvariantCulture), []); docs.Add(doc); }
            var gs = new GoldSentence([.. words]);
            for (int i = 0; i < tags.Count; i++)
            {
                if (!tags[i].StartsWith("B-", StringComparison.Ordinal)) continue;
                string label = tags[i][2..];
                int e = i + 1;
                while (e < tags.Count && tags[e] == "I-" + label) e++;
                NameType? type = label switch { "PER" => NameType.Person, "ORG" => NameType.Organization, "LOC" => NameType.Location, _ => null };
                if (type is not null) gs.Gold.Add(new GoldName(i, e - i, type.Value));
            }
            doc.Sentences.Add(gs);
            words.Clear();
            tags.Clear();
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("# newdoc", StringComparison.Ordinal))
            {
                Flush();
                doc = new GoldDocument(line[8..].Trim(' ', '=', '\t'), []);
                docs.Add(doc);
                continue;
            }
            if (line.Length == 0) { Flush(); continue; }
            if (line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length < 3) continue;
            words.Add(cols[1]);
            tags.Add(cols[2]);
        }
        Flush();
        return docs;
    }

    private static void Report(TextWriter output, string label, NerScores s)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {s.SentencesPerSecond:0} sentences/s, {s.SentencesPerCpuSecond:0} per CPU second (name finding only, one thread)"));
        output.WriteLine("  type    gold  pred  correct  precision  recall  f1");
        foreach (var t in s.ByType) Line(t);
        Line(s.All);

        void Line(NerTypeScore t) => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {(t.Type is null ? "all" : Label(t.Type.Value)),-5} {t.Gold,6} {t.Predicted,5} {t.Correct,8} {t.Precision,10:0.000} {t.Recall,7:0.000} {t.F1,5:0.000}"));
    }

    private static string Label(NameType t) => t switch { NameType.Person => "PER", NameType.Organization => "ORG", _ => "LOC" };

    private static NerScores Score(NameFinder finder, List<GoldDocument> docs, Tagger? tagger, TextWriter output, int listErrors)
    {
        var gold = new int[3];
        var pred = new int[3];
        var correct = new int[3];
        int sentences = 0, listed = 0;
        var byEvidence = new Dictionary<string, (int, int)>();
        var found = new List<NameSpan>();
        var predicted = new List<NameSpan>[docs.Sum(d => d.Sentences.Count)];
        string[][] tags = new string[predicted.Length][];
        int si = 0;
        if (tagger is not null)
        {
            foreach (var d in docs)
                foreach (var s in d.Sentences)
                {
                    var up = new UPos[s.Words.Length];
                    tagger.Tag(s.Words, up, new int[s.Words.Length]);
                    var names = new string[up.Length];
                    for (int i = 0; i < up.Length; i++) names[i] = UPosNames.Name(up[i]);
                    tags[si++] = names;
                }
        }

        _ = finder.Find(["Warm", "up", "in", "Paris", "."]); // builds the lazy indexes outside the timing
        // the same predictions three times over: the first pass also warms up the code, the speed is over all three
        const int passes = 3;
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        for (int pass = 0; pass < passes; pass++)
        {
            si = 0;
            foreach (var d in docs)
            {
                var memory = new NameMemory();
                foreach (var s in d.Sentences)
                {
                    found.Clear();
                    finder.Find(s.Words, tagger is null ? default : tags[si], found, memory);
                    predicted[si++] = [.. found];
                }
            }
        }
        sw.Stop();
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpu0).TotalSeconds;

        si = 0;
        foreach (var d in docs)
        {
            foreach (var s in d.Sentences)
            {
                sentences++;
                var ps = predicted[si++];
                foreach (var g in s.Gold) gold[(int)g.Type]++;
                foreach (var p in ps)
                {
                    if (s.Ignored.Contains((p.Start, p.Length))) continue;
                    pred[(int)p.Type]++;
                    bool ok = false;
                    foreach (var g in s.Gold)
                        if (g.Start == p.Start && g.Length == p.Length && g.Type == p.Type) { ok = true; break; }
                    if (listErrors > 0)
                    {
                        var key = $"{p.Label} {p.Evidence & ~NameEvidence.ProperNounTags}";
                        byEvidence.TryGetValue(key, out var c);
                        byEvidence[key] = (c.Item1 + 1, c.Item2 + (ok ? 1 : 0));
                    }
                    if (ok) correct[(int)p.Type]++;
                    else if (listed < listErrors)
                    {
                        listed++;
                        output.WriteLine($"  spurious {p.Label} \"{Text(s.Words, p.Start, p.Length)}\" ({p.Evidence}) in {d.Name}: {string.Join(' ', s.Words)}");
                    }
                }
                foreach (var g in s.Gold)
                {
                    bool hit = false;
                    foreach (var p in ps)
                        if (g.Start == p.Start && g.Length == p.Length && g.Type == p.Type) { hit = true; break; }
                    if (!hit && listed < listErrors)
                    {
                        listed++;
                        output.WriteLine($"  missed {Label(g.Type)} \"{Text(s.Words, g.Start, g.Length)}\" in {d.Name}: {string.Join(' ', s.Words)}");
                    }
                }
            }
        }

        foreach (var (k, v) in byEvidence.OrderByDescending(kv => kv.Value.Item1))
            output.WriteLine($"  evidence {k}: {v.Item2}/{v.Item1} correct");
        var byType = new List<NerTypeScore>(3);
        for (int t = 0; t < 3; t++) byType.Add(new NerTypeScore((NameType)t, gold[t], pred[t], correct[t]));
        var all = new NerTypeScore(null, gold.Sum(), pred.Sum(), correct.Sum());
        return new NerScores(docs.Count, sentences, tagger is not null, byType, all, passes * sentences / Math.Max(1e-9, sw.Elapsed.TotalSeconds),
            passes * sentences / Math.Max(1e-9, cpuSeconds));
    }

    private static string Text(string[] words, int start, int length) => string.Join(' ', words, start, length);

    // ------------------------------------------------------------------ gold

    private readonly record struct GoldName(int Start, int Length, NameType Type);

    private sealed class GoldSentence(string[] words)
    {
        public string[] Words { get; } = words;
        public List<GoldName> Gold { get; } = [];
        public HashSet<(int, int)> Ignored { get; } = [];
    }

    private sealed record GoldDocument(string Name, List<GoldSentence> Sentences);

    private sealed class Mention
    {
        public required string Type;
        public int Start, End;          // sentence token indices, End exclusive
        public string? Identity;
    }

    private static string FindTsvFolder(string dir)
    {
        foreach (var sub in new[] { Path.Combine("coref", "gum", "tsv"), Path.Combine("gum", "tsv"), "tsv", "" })
        {
            string p = Path.Combine(dir, sub);
            if (Directory.Exists(p) && Directory.EnumerateFiles(p, "GUM_news_*.tsv").Any()) return p;
        }
        throw new DirectoryNotFoundException($"No GUM_news_*.tsv files under {dir} (looked in coref/gum/tsv, gum/tsv, tsv and the folder itself).");
    }

    private static List<GoldDocument> LoadGold(string gumDirectory)
    {
        string folder = FindTsvFolder(gumDirectory);
        // lower-case vocabulary of all GUM documents: tells sentence-initial common words from names
        var lower = new HashSet<string>(StringComparer.Ordinal);
        var all = Directory.GetFiles(folder, "GUM_*.tsv");
        Array.Sort(all, StringComparer.Ordinal);
        var parsed = new List<(string Name, List<(string[] Words, List<Mention> Mentions)> Sentences)>();
        foreach (var file in all)
        {
            var sentences = ReadTsv(file);
            foreach (var (words, _) in sentences)
                foreach (var w in words)
                    if (w.Length > 0 && char.IsLower(w[0])) lower.Add(w);
            string name = Path.GetFileNameWithoutExtension(file);
            if (name.StartsWith("GUM_news_", StringComparison.Ordinal)) parsed.Add((name, sentences));
        }

        var kb = KnowledgeBase.Default;
        var docs = new List<GoldDocument>();
        foreach (var (name, sentences) in parsed)
        {
            var doc = new GoldDocument(name, []);
            foreach (var (words, mentions) in sentences)
            {
                var gs = new GoldSentence(words);
                foreach (var m in mentions)
                {
                    NameType type;
                    if (m.Type == "person") type = NameType.Person;
                    else if (m.Type == "organization") type = NameType.Organization;
                    else if (m.Type == "place") type = NameType.Location;
                    else continue;
                    if (!GoldSpan(words, m, mentions, type, lower, out int s, out int e)) continue;
                    if (IsGroup(kb, words, s, e, type)) { gs.Ignored.Add((s, e - s)); continue; }
                    bool dup = false;
                    foreach (var g in gs.Gold) if (g.Start == s && g.Length == e - s) { dup = true; break; }
                    if (!dup) gs.Gold.Add(new GoldName(s, e - s, type));
                }
                // flat names: a name inside another ("Irving" in "Irving Police Department") is not scored
                gs.Gold.RemoveAll(g => gs.Gold.Exists(o => o.Start <= g.Start && g.Start + g.Length <= o.Start + o.Length && o.Length > g.Length));
                doc.Sentences.Add(gs);
            }
            docs.Add(doc);
        }
        return docs;
    }

    /// <summary>Reads a WebAnno TSV 3.2 file: per sentence, the tokens and the entity mentions.</summary>
    private static List<(string[] Words, List<Mention> Mentions)> ReadTsv(string path)
    {
        var result = new List<(string[], List<Mention>)>();
        var words = new List<string>();
        var byKey = new Dictionary<string, Mention>(StringComparer.Ordinal);
        var order = new List<Mention>();

        void Flush()
        {
            if (words.Count > 0) result.Add(([.. words], [.. order]));
            words.Clear(); byKey.Clear(); order.Clear();
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("#Text=", StringComparison.Ordinal)) { Flush(); continue; }
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length < 7) continue;
            int index = words.Count;
            words.Add(cols[2]);
            // identities by mention id ("Creswell_Eastman[115]"), or for the token's single unstacked mention
            Dictionary<string, string>? ids = null;
            if (cols[6] != "_")
            {
                ids = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var item in cols[6].Split('|'))
                {
                    var (label, key) = SplitKey(item, index);
                    ids[key] = label;
                }
            }
            if (cols[3] == "_") continue;
            foreach (var item in cols[3].Split('|'))
            {
                var (label, key) = SplitKey(item, index);
                if (!byKey.TryGetValue(key, out var m))
                {
                    m = new Mention { Type = label, Start = index, End = index + 1 };
                    byKey[key] = m;
                    order.Add(m);
                }
                m.End = index + 1;
                if (ids is not null && ids.TryGetValue(key, out var id)) m.Identity = id;
            }
        }
        Flush();
        return result;
    }

    private static (string Label, string Key) SplitKey(string item, int token)
    {
        int b = item.IndexOf('[');
        if (b > 0 && item.EndsWith(']')) return (item[..b], item[(b + 1)..^1]);
        return (item, "t" + token.ToString(CultureInfo.InvariantCulture));
    }

    private static readonly HashSet<string> s_titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof", "Prof.", "Professor", "President", "Vice", "Prime",
        "Minister", "Secretary", "Senator", "Sen.", "Rep.", "Governor", "Gov.", "Mayor", "King", "Queen", "Prince",
        "Princess", "Pope", "Ambassador", "General", "Gen.", "Chairman", "Chairwoman", "Director", "Chief", "Judge",
        "Justice", "Sheikh", "Imam", "Rev.", "Reverend", "Father", "Captain", "Capt.", "Colonel", "Col.", "Major",
        "Lieutenant", "Lt.", "Sergeant", "Sgt.", "Admiral", "Commander", "Chancellor", "Premier", "Spokesperson",
        "Spokesman", "Spokeswoman", "Co-founder", "Founder", "CEO", "Executive", "President-elect", "Sir", "Lord",
        "Lady", "Dame", "Deputy", "Administrator", "MP", "Commissioner", "High", "Commander", "Commanders", "Officer", "Detective", "Coach", "Editor", "Speaker", "Senior", "Former",
    };

    private static readonly HashSet<string> s_pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "me", "my", "mine", "myself", "you", "your", "yours", "he", "him", "his", "himself", "she", "her", "hers",
        "herself", "it", "its", "itself", "we", "us", "our", "ours", "they", "them", "their", "theirs", "themselves",
        "this", "that", "these", "those", "who", "whom", "whose", "which", "one", "here", "there",
    };

    private static readonly HashSet<string> s_joiners = new(StringComparer.Ordinal)
    {
        "of", "for", "on", "and", "at", "the", "&", "-", "al", "el", "bin", "ibn", "de", "del", "da", "di", "du", "van", "von", "der", "la", "le",
    };

    private static readonly HashSet<string> s_personJoiners = new(StringComparer.Ordinal)
    {
        "-", "al", "el", "bin", "ibn", "de", "del", "da", "di", "du", "van", "von", "der", "la", "le",
    };

    private static readonly HashSet<string> s_groups = new(StringComparer.OrdinalIgnoreCase)
    {
        "Muslims", "Muslim", "Christians", "Christian", "Jews", "Jewish", "Hindus", "Buddhists", "Sikhs", "Sunnis", "Sunni",
        "Shiites", "Shias", "Shia", "Catholics", "Protestants", "Taliban", "Rohingya", "Kurds", "Arabs", "Scientologists",
        "Mormons", "Democrats", "Republicans", "Europeans", "Asians", "Africans", "Westerners", "Latinos", "Pashtuns",
        "Democrat", "Republican", "Scientologist", "Texans", "Californians", "Refugees",
    };

    private static bool Cap(string w) => w.Length > 0 && char.IsUpper(w[0]);

    /// <summary>The name inside mention <paramref name="m"/> (see the rules above), as [s, e) sentence indices.</summary>
    private static bool GoldSpan(string[] words, Mention m, List<Mention> all, NameType type, HashSet<string> lower, out int s, out int e)
    {
        s = e = 0;
        int a = m.Start, b = m.End;
        while (b > a && words[b - 1] is "'s" or "'" or "\u2019s" or "\u2019") b--;
        while (a < b && words[a].ToLowerInvariant() is "the" or "a" or "an" or "this" or "that" or "these" or "those") a++;
        if (a >= b) return false;
        if (b - a == 1 && words[a] == "I") return false;
        if (b - a == 1 && s_pronouns.Contains(words[a]) && words[a] != words[a].ToUpperInvariant()) return false;

        // own words: not inside a nested mention
        Span<bool> own = stackalloc bool[b - a];
        own.Fill(true);
        foreach (var n in all)
        {
            if (ReferenceEquals(n, m) || (n.Start == m.Start && n.End == m.End)) continue;
            if (n.Start < m.Start || n.End > m.End) continue;
            for (int i = Math.Max(n.Start, a); i < Math.Min(n.End, b); i++) own[i - a] = false;
        }
        // an apposition or relative clause after a comma is not where the head is: "Cynthia Thompson , curator ..."
        int limit = b;
        for (int i = a + 1; i < b; i++) if (own[i - a] && words[i] == ",") { limit = i; break; }
        int lastOwn = -1, firstOwn = -1;
        for (int i = limit - 1; i >= a; i--) if (own[i - a]) { lastOwn = i; break; }
        for (int i = a; i < b; i++) if (own[i - a]) { firstOwn = i; break; }
        if (lastOwn < 0) return false;

        bool person = type == NameType.Person;
        int head = -1;
        if (Cap(words[lastOwn])) head = lastOwn;
        else if (firstOwn >= 0 && Cap(words[firstOwn]))
        {
            var (_, re) = RunAround(words, a, b, firstOwn, person);
            if (re > lastOwn || (re < b && words[re] is "," or "in" or "at" or "from" or "for" or "with" or "on" or "to" or "by" or "who"
                    or "which" or "that" or "(" or "of" or "whose" or "where"))
                head = firstOwn;
        }
        if (head < 0) return false;
        (s, e) = RunAround(words, a, b, head, person);

        if (type == NameType.Person)
        {
            // cut nested mentions at the front, then everything up to the last title
            bool cut = true;
            while (cut)
            {
                cut = false;
                foreach (var n in all)
                {
                    if (ReferenceEquals(n, m) || n.Start < m.Start || n.End > m.End) continue;
                    int ns = n.Start;
                    while (ns < n.End && words[ns].ToLowerInvariant() is "the") ns++;
                    if (ns == s && n.End < e && n.End > s) { s = n.End; cut = true; }
                }
                while (s < e && !Cap(words[s])) { s++; cut = true; }
            }
            for (int i = e - 1; i >= s; i--)
                if (s_titles.Contains(words[i])) { s = i + 1; break; }
            if (s >= e || !Cap(words[s])) return false;
            // a description ending in a title is not a name: "an Ottawa New Democrat MP"
            if (s_titles.Contains(words[e - 1])) return false;
            // the complement of a title is not a name: "the Secretary of State"
            if (s > a && words[s - 1] is "of" or "for" or "to") return false;
        }
        if (s >= e) return false;

        // a lone common word opening the sentence
        if (e - s == 1 && m.Identity is null && IsSentenceInitial(words, s) && lower.Contains(words[s].ToLowerInvariant()))
            return false;
        return true;
    }

    private static bool IsSentenceInitial(string[] words, int i)
    {
        for (int k = 0; k < i; k++)
            if (words[k].Length > 0 && char.IsLetterOrDigit(words[k][0])) return words[i - 1] is "\"" or ":" or "'" or "``";
        return true;
    }

    /// <summary>The capitalised run holding word <paramref name="i"/>, within [a, b).</summary>
    private static (int, int) RunAround(string[] words, int a, int b, int i, bool person)
    {
        var joiners = person ? s_personJoiners : s_joiners;
        int s = i, e = i + 1;
        while (true)
        {
            if (s - 1 >= a && Cap(words[s - 1])) { s--; continue; }
            if (s - 2 >= a && joiners.Contains(words[s - 1]) && Cap(words[s - 2])) { s -= 2; continue; }
            if (person) break;
            if (s - 3 >= a && words[s - 1] == "the" && words[s - 2] is "of" or "for" or "on" && Cap(words[s - 3])) { s -= 3; continue; }
            break;
        }
        while (true)
        {
            if (e < b && Cap(words[e])) { e++; continue; }
            if (e + 1 < b && joiners.Contains(words[e]) && Cap(words[e + 1])) { e += 2; continue; }
            // a hyphenated given name split by the tokenization: "Cheng Chung - tai"
            if (person && e + 1 < b && words[e] == "-" && words[e + 1].Length <= 5 && words[e + 1].All(char.IsLower)) { e += 2; continue; }
            if (person) break;
            if (e + 2 < b && words[e] is "of" or "for" or "on" && words[e + 1] == "the" && Cap(words[e + 2])) { e += 3; continue; }
            break;
        }
        return (s, e);
    }

    /// <summary>Nationalities, religions and peoples: "Afghans", "Muslims", "the Rohingya".</summary>
    private static bool IsGroup(KnowledgeBase kb, string[] words, int s, int e, NameType type)
    {
        if (type != NameType.Person) return false;
        if (e - s == 1 && s_groups.Contains(words[s])) return true;
        var m = kb.Match(words, s, EntryKinds.Demonym | EntryKinds.CountryAdjective);
        return !m.IsEmpty && m.Length == e - s;
    }
}
