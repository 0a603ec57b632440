using System.Buffers;
using Dyad.Knowledge;

namespace Dyad.Actors.Names;

/// <summary>
/// Finds the names of people, organisations and places in a tokenized sentence, including the many that the knowledge
/// base does not know ("Mexico Foreign Secretary Marcelo Ebrard" → LOC "Mexico", PER "Marcelo Ebrard").
/// <para>How: capitalised words are grouped into runs (joined by name particles such as "al", "bin", "van", by
/// hyphens, and by "of", "for", "on", "the" after an organisation or place word); each run is then split and typed by,
/// in order: the knowledge base naming the whole run; a title before a name ("President", "Dr.", "spokesman") →
/// person, with the knowledge-base names or employers before the title; an organisation word ("Ministry",
/// "University", "Inc.") → organisation; a head place word ("Grand Mosque", "Museum of Flight") → place; the knowledge
/// base word by word (people, organisations, countries, capitals, seats, cities, with country adjectives recognised
/// and left out, and small towns named like people trusted only after a place preposition); names seen earlier in the
/// document (<see cref="NameMemory"/>); and the context of what is left (a role word before it, an organisation word
/// after it, "said" after it, "in" before it, an acronym, a common given name). Two or more unknown words default to a
/// person; one unknown word with no evidence is left out.</para>
/// <para>Sentence-initial capitals count only with support (a proper-noun tag, a knowledge-base entry, a capitalised
/// next word, a saying verb, or memory). In an all-capitals sentence (a headline) only the knowledge base and memory
/// are used, without regard to case. Universal POS tags, when given, make both decisions better: PROPN admits a
/// sentence-initial word, closed-class tags exclude capitalised function words.</para>
/// <para>Spans never include a leading determiner ("the") or a trailing possessive ("'s"). Country adjectives and
/// demonyms ("Afghan", "Afghans") are not names of places: they are found only as part of an organisation name
/// ("Indonesian Navy"). In a document full of sport words, countries are national teams (organisations). The finder
/// is immutable and thread-safe; it allocates nothing per sentence beyond the results and the document memory.</para>
/// </summary>
public sealed class NameFinder
{
    private const EntryKinds NameKinds = EntryKinds.Person | EntryKinds.Organization | EntryKinds.Country | EntryKinds.Capital |
        EntryKinds.Seat | EntryKinds.City | EntryKinds.CountryAdjective | EntryKinds.Demonym;
    private const int StackLimit = 256;
    private const int LargeCity = 500_000;

    private static readonly Lazy<NameFinder> s_default = new(() => new NameFinder(KnowledgeBase.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly KnowledgeBase _kb;

    public NameFinder(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        _kb = knowledgeBase;
    }

    /// <summary>A finder over <see cref="KnowledgeBase.Default"/>, built on first use.</summary>
    public static NameFinder Default => s_default.Value;

    public KnowledgeBase KnowledgeBase => _kb;

    /// <summary>Convenience: the names in <paramref name="words"/>, in sentence order.</summary>
    public NameSpan[] Find(ReadOnlySpan<string> words, ReadOnlySpan<string> upos = default, NameMemory? memory = null)
    {
        var list = new List<NameSpan>();
        Find(words, upos, list, memory);
        return [.. list];
    }

    /// <summary>
    /// Appends the names in <paramref name="words"/> to <paramref name="results"/>, in sentence order, and returns how
    /// many were added. <paramref name="upos"/> holds Universal POS tags ("PROPN", "NOUN", ...) for the same words, or
    /// is empty when the sentence is not tagged (tags of another length than the words are ignored). <paramref name="memory"/>, when given, is read and updated: pass the
    /// same instance for all sentences of one document.
    /// </summary>
    public int Find(ReadOnlySpan<string> words, ReadOnlySpan<string> upos, List<NameSpan> results, NameMemory? memory = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        int n = words.Length;
        if (n == 0) return 0;
        if (upos.Length != n) upos = default;

        Span<WordFlags> flags = n <= StackLimit ? stackalloc WordFlags[n] : new WordFlags[n];
        Span<byte> info = n <= StackLimit ? stackalloc byte[n] : new byte[n];

        bool allCaps = Prepare(words, upos, flags, info);
        bool sports = false;
        if (memory is not null)
        {
            int sportWords = 0;
            foreach (var w in words) if (w is not null && SportWords.Contains(w)) sportWords++;
            if (sportWords >= 2) memory.SportSentences++;
            sports = memory.SportSentences >= 2 || sportWords >= 3;
        }
        Span<byte> kbDone = n <= StackLimit ? stackalloc byte[n] : new byte[n];
        kbDone.Clear();
        var kbCache = ArrayPool<PhraseMatch>.Shared.Rent(n);
        try
        {
            var scan = new Scan(this, words, upos, flags, info, allCaps, sports, results, memory, kbCache, kbDone);
            int before = results.Count;
            scan.Run();
            return results.Count - before;
        }
        finally
        {
            ArrayPool<PhraseMatch>.Shared.Return(kbCache);
        }
    }

    // token info bits
    private const byte Cap = 1;          // first character is an upper-case letter
    private const byte Upper = 2;        // two or more letters, all upper case ("NASA", "U.S.")
    private const byte Lower = 4;        // first character is a lower-case letter
    private const byte Initial = 8;      // starts the sentence or a quotation
    private const byte Proper = 16;      // tagged PROPN
    private const byte Closed = 32;      // tagged with a closed class (DET, PRON, ADP, ...)
    private const byte Hyphen = 64;      // a dash token

    private static bool Prepare(ReadOnlySpan<string> words, ReadOnlySpan<string> upos, Span<WordFlags> flags, Span<byte> info)
    {
        int letterWords = 0, upperWords = 0;
        bool atStart = true;
        for (int i = 0; i < words.Length; i++)
        {
            string w = words[i] ?? "";
            byte b = 0;
            if (w.Length > 0)
            {
                char c = w[0];
                if (char.IsUpper(c)) b |= Cap;
                else if (char.IsLower(c)) b |= Lower;
                int letters = 0;
                bool anyLower = false;
                foreach (char ch in w)
                {
                    if (!char.IsLetter(ch)) continue;
                    letters++;
                    if (!char.IsUpper(ch)) { anyLower = true; break; }
                }
                if (letters >= 2 && !anyLower) b |= Upper;
                if (letters >= 2) { letterWords++; if (!anyLower) upperWords++; }
                if (w is "-" or "\u2013" or "\u2014" or "--") b |= Hyphen;
                if (atStart && letters > 0) { b |= Initial; atStart = false; }
                else if (w is "\"" or "\u201C" or "``" or "\u2018" or ":" or "'" or "--" or "\u2014" or "\u2013") atStart = true;
                else if (letters > 0 || char.IsDigit(c)) atStart = false;
            }
            if (!upos.IsEmpty)
            {
                string t = upos[i] ?? "";
                if (t == "PROPN") b |= Proper;
                else if (t is "DET" or "PRON" or "ADP" or "CCONJ" or "SCONJ" or "AUX" or "PART" or "INTJ" or "PUNCT" or "SYM")
                    b |= Closed;
            }
            info[i] = b;
            flags[i] = NameLexicon.Flags(w);
        }
        return letterWords >= 3 && upperWords * 5 >= letterWords * 4;
    }

    // segment kinds while typing a run
    private const byte SegUnknown = 0, SegPerson = 1, SegOrg = 2, SegPlace = 3, SegCity = 4, SegAdjective = 5;

    private ref struct Scan
    {
        private readonly NameFinder _owner;
        private readonly ReadOnlySpan<string> _w;
        private readonly ReadOnlySpan<string> _tags;
        private readonly Span<WordFlags> _f;
        private readonly Span<byte> _info;
        private readonly bool _allCaps;
        private readonly bool _sports;
        private readonly PhraseMatch[] _kbCache;
        private readonly Span<byte> _kbDone;
        private readonly MatchOptions _options;
        private readonly List<NameSpan> _results;
        private readonly NameMemory? _memory;
        private readonly int _n;

        public Scan(NameFinder owner, ReadOnlySpan<string> words, ReadOnlySpan<string> tags, Span<WordFlags> flags, Span<byte> info,
            bool allCaps, bool sports, List<NameSpan> results, NameMemory? memory, PhraseMatch[] kbCache, Span<byte> kbDone)
        {
            _kbCache = kbCache; _kbDone = kbDone;
            _owner = owner; _w = words; _tags = tags; _f = flags; _info = info; _allCaps = allCaps; _sports = sports;
            _options = allCaps ? MatchOptions.IgnoreCase : MatchOptions.None;
            _results = results; _memory = memory; _n = words.Length;
        }

        private readonly bool HasTags => !_tags.IsEmpty;
        private readonly bool Is(int i, WordFlags f) => (_f[i] & f) != 0;
        private readonly bool Has(int i, byte b) => (_info[i] & b) != 0;

        /// <summary>A word that may be part of a name: capitalised, not a month or day, not a closed-class word.</summary>
        private readonly bool NameWord(int i)
        {
            if ((uint)i >= (uint)_n) return false;
            if (!Has(i, Cap) && !(_allCaps && Has(i, Upper))) return false;
            if (Is(i, WordFlags.Calendar)) return false;
            if (Has(i, Closed) && !Is(i, WordFlags.Title) && !Has(i, Upper)) return false;
            return true;
        }

        /// <summary>The knowledge-base match at <paramref name="i"/>, looked up once per token and call.</summary>
        private readonly PhraseMatch Kb(int i)
        {
            if (_kbDone[i] != 0) return _kbCache[i];
            var m = _owner._kb.Match(_w, i, NameKinds, _options);
            _kbCache[i] = m;
            _kbDone[i] = 1;
            return m;
        }

        public void Run()
        {
            if (_allCaps) { RunAllCaps(); return; }
            int i = 0;
            while (i < _n)
            {
                if (!CanStart(i)) { i++; continue; }
                int e = Extend(i);
                Classify(i, e);
                i = e;
            }
        }

        private readonly bool CanStart(int i)
        {
            if (!NameWord(i)) return false;
            bool stop = Is(i, WordFlags.Stop) && !Has(i, Upper);
            if (stop)
            {
                // "The Hague", "New York": only a knowledge-base phrase of two or more words starts on a stop word
                var m = Kb(i);
                if (m.Length < 2 && PlaceNames.Match(_w, i, false) < 2) return false;
                return true;
            }
            if (!Has(i, Initial)) return true;
            // sentence-initial: needs support
            if (Has(i, Proper)) return true;
            if (HasTags && !Has(i, Proper) && Has(i + 1 < _n ? i + 1 : i, Lower) && Kb(i).IsEmpty && !Remembered(i) && !Is(i, WordFlags.KnownOrg)) return false;
            if (!Kb(i).IsEmpty || PlaceNames.Match(_w, i, false) > 0) return true;
            if (Remembered(i) || Is(i, WordFlags.KnownOrg)) return true;
            if (i + 1 < _n)
            {
                if (NameWord(i + 1) && (!Is(i + 1, WordFlags.Stop) || Has(i + 1, Upper))) return true;
                if (Is(i + 1, WordFlags.SayVerb)) return true;
                if (Is(i + 1, WordFlags.NameParticle) && i + 2 < _n && NameWord(i + 2)) return true;
            }
            return false;
        }

        private readonly bool Remembered(int i) =>
            _memory is not null && (_memory.IsPersonPart(_w[i]) || _memory.TryGetName(_w.Slice(i, 1), out _));

        /// <summary>The end of the capitalised run starting at <paramref name="s"/>.</summary>
        private readonly int Extend(int s)
        {
            int kbEnd = s + Math.Max(Kb(s).Length, PlaceNames.Match(_w, s, false));
            bool cue = Is(s, WordFlags.OrgCue | WordFlags.PlaceCue | WordFlags.PlacePrefix);
            int e = s + 1;
            while (e < _n)
            {
                if (e < kbEnd) { e++; continue; }
                if (NameWord(e) && (!Is(e, WordFlags.Function) || Has(e, Upper)))
                {
                    cue |= Is(e, WordFlags.OrgCue | WordFlags.PlaceCue);
                    e++;
                    continue;
                }
                // joining words
                if (Has(e, Lower) && Is(e, WordFlags.NameParticle))
                {
                    if (NameWord(e + 1)) { e += 2; continue; }
                    if (e + 2 < _n && Has(e + 1, Hyphen) && NameWord(e + 2)) { e += 3; continue; }
                }
                if (_w[e] == "-" && NameWord(e + 1) && !Is(e + 1, WordFlags.Stop | WordFlags.Title)) { e += 2; continue; }
                if (_w[e] == "-" && e + 1 < _n && Has(e + 1, Lower) && Has(e - 1, Cap) && !Has(e - 1, Upper) && IsNameSyllable(_w[e + 1]))
                {
                    e += 2; // "Kang Kyung - wha", "Wong Kwok - hing"
                    continue;
                }
                if (_w[e] == "&" && NameWord(e + 1)) { e += 2; continue; }
                // "and" inside a name only when a cue word follows: "National Air and Space Museum"
                if (!cue && Has(e, Lower) && _w[e] == "and" && CueAhead(e + 1)) { e += 2; continue; }
                if (cue && Has(e, Lower) && Is(e, WordFlags.Joiner) && _w[e] != "and")
                {
                    int k = e + 1;
                    if (_w[e] != "and" && k < _n && _w[k] == "the") k++;
                    if (NameWord(k) && !Is(k, WordFlags.Stop)) { e = k + 1; continue; }
                }
                break;
            }
            return e;
        }

        /// <summary>Capitalised words from <paramref name="i"/> up to an organisation or place word within three words.</summary>
        private readonly bool CueAhead(int i)
        {
            for (int k = i; k < _n && k < i + 3; k++)
            {
                if (!NameWord(k) || Is(k, WordFlags.Function)) return false;
                if (Is(k, WordFlags.OrgCue | WordFlags.PlaceCue)) return true;
            }
            return false;
        }

        /// <summary>A short lower-case word after a hyphen that reads as the second syllable of a given name, not an English word.</summary>
        private static bool IsNameSyllable(string w)
        {
            if (w.Length < 2 || w.Length > 5) return false;
            foreach (char c in w) if (c is < 'a' or > 'z') return false;
            if (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal) || w.EndsWith("ly", StringComparison.Ordinal)
                || w.EndsWith("er", StringComparison.Ordinal)) return false;
            return (NameLexicon.Flags(w) & (WordFlags.Stop | WordFlags.Joiner | WordFlags.Thing | WordFlags.Title | WordFlags.OrgCue)) == 0
                && w is not ("run" or "led" or "born" or "made" or "style" or "era" or "old" or "year" or "like" or "wide" or "type"
                    or "level" or "class" or "scale" or "free" or "owned" or "held" or "elect" or "in" or "up" or "out" or "off");
        }

        private void Classify(int s, int e)
        {
            // the whole run is one knowledge-base name
            var whole = Kb(s);
            if (whole.Length == e - s && whole.First.Kind is not (EntryKind.City or EntryKind.Capital or EntryKind.CountryAdjective or EntryKind.Demonym))
            {
                Emit(s, e, TypeOf(whole.First.Kind), NameEvidence.KnowledgeBase);
                return;
            }

            if (PlaceNames.Match(_w, s, false) == e - s)
            {
                Emit(s, e, NameType.Location, NameEvidence.PlaceCue); // "West Bank", not a bank
                return;
            }
            if (AllTitleWords(s, e)) return; // "Prime Minister", "Secretary"

            // a title before a name: "U.S. President Donald Trump", "Professor Cres Eastman"
            int title = -1;
            for (int j = e - 2; j >= s; j--)
            {
                if (!Is(j, WordFlags.Title)) continue;
                if (!NameWord(j + 1) || Is(j + 1, WordFlags.Title | WordFlags.TitlePart | WordFlags.Joiner | WordFlags.NameParticle)) continue;
                title = j;
                break;
            }
            if (title >= 0 && !AnyCue(title + 1, e, WordFlags.OrgCue | WordFlags.PlaceCue))
            {
                Prefix(s, title + 1);
                var personKb = Kb(title + 1);
                if (personKb.Length == e - title - 1 && personKb.First.Kind is EntryKind.Organization or EntryKind.Country)
                    Emit(title + 1, e, TypeOf(personKb.First.Kind), NameEvidence.KnowledgeBase);
                else
                    Emit(title + 1, e, NameType.Person, NameEvidence.Title | NameEvidence.Capitalized);
                return;
            }

            // a title closes the run: the names before it are employers or places ("NASA Administrator", "Facebook CEO")
            if (e - s >= 2 && Is(e - 1, WordFlags.Title) && !Is(e - 1, WordFlags.OrgCue | WordFlags.PlaceCue))
            {
                Prefix(s, e);
                return;
            }

            // organisation and place words
            int orgCue = FindCue(s, e, WordFlags.OrgCue);
            if (orgCue >= 0)
            {
                if (e - s == 1 || AllCueWords(s, e))
                {
                    // "the Army", "the Church" in mid-sentence; "Police" or "Party" alone is a common noun
                    if (e - s >= 2 || (s > 0 && string.Equals(_w[s - 1], "the", StringComparison.OrdinalIgnoreCase) && !Has(s, Initial)))
                        Emit(s, e, NameType.Organization, NameEvidence.OrganizationCue);
                    return;
                }
                // a person after the organisation: "Refugee Council Enver Solomon"
                int rest = orgCue + 1;
                if (e - rest >= 2 && PersonLike(rest, e))
                {
                    Emit(s, rest, NameType.Organization, NameEvidence.OrganizationCue);
                    Emit(rest, e, NameType.Person, NameEvidence.Capitalized | NameEvidence.Default);
                    return;
                }
                Emit(s, e, NameType.Organization, NameEvidence.OrganizationCue);
                return;
            }
            if (e - s >= 2 && (HeadPlaceCue(s, e) || Is(s, WordFlags.PlacePrefix)) && !AllCueWords(s, e))
            {
                Emit(s, e, NameType.Location, NameEvidence.PlaceCue);
                return;
            }

            Segments(s, e);
        }

        /// <summary>Names before a title inside a run: "U.S." in "U.S. President", "Facebook" in "Facebook CEO".</summary>
        private void Prefix(int s, int e)
        {
            int j = s;
            while (j < e)
            {
                if (Is(j, WordFlags.Title | WordFlags.TitlePart) || !NameWord(j)) { j++; continue; }
                var m = Kb(j);
                if (!m.IsEmpty && m.End <= e)
                {
                    var kind = m.First.Kind;
                    if (kind is not (EntryKind.CountryAdjective or EntryKind.Demonym))
                        Emit(j, m.End, TypeOf(kind), NameEvidence.KnowledgeBase);
                    j = m.End;
                    continue;
                }
                int p = PlaceNames.Match(_w, j, false);
                if (p > 0 && j + p <= e) { Emit(j, j + p, NameType.Location, NameEvidence.PlaceCue); j += p; continue; }
                int k = j + 1;
                while (k < e && !Is(k, WordFlags.Title | WordFlags.TitlePart) && Kb(k).IsEmpty) k++;
                // an unknown name right before a title is the employer when it is known as one: "NASA Administrator",
                // "Google co-founder"; other words there are mostly parts of the title ("Emeritus Professor")
                if (_memory is not null && _memory.TryGetName(_w[j..k], out var known))
                    Emit(j, k, known, NameEvidence.Memory);
                else if (k - j == 1 && (IsAcronym(j) || Is(j, WordFlags.KnownOrg)))
                    Emit(j, k, NameType.Organization, NameEvidence.Title | NameEvidence.Acronym);
                j = k;
            }
        }

        private void Segments(int s, int e)
        {
            Span<byte> seg = stackalloc byte[e - s];
            Span<byte> segLen = stackalloc byte[e - s];
            int j = s;
            while (j < e)
            {
                var m = Kb(j);
                if (!m.IsEmpty && m.End <= e)
                {
                    byte kind = m.First.Kind switch
                    {
                        EntryKind.Person => SegPerson,
                        EntryKind.Organization => SegOrg,
                        EntryKind.City or EntryKind.Capital => SegCity,
                        EntryKind.CountryAdjective or EntryKind.Demonym => SegAdjective,
                        _ => SegPlace,
                    };
                    seg[j - s] = kind;
                    segLen[j - s] = (byte)m.Length;
                    j = m.End;
                    continue;
                }
                int p = PlaceNames.Match(_w, j, false);
                if (p > 0 && j + p <= e)
                {
                    seg[j - s] = SegPlace;
                    segLen[j - s] = (byte)p;
                    j += p;
                    continue;
                }
                seg[j - s] = SegUnknown;
                segLen[j - s] = 1;
                j++;
            }

            // emit: known segments as they are; unknown words (with cities among them) grouped and typed by context
            j = s;
            while (j < e)
            {
                byte kind = seg[j - s];
                int len = segLen[j - s];
                if (kind is SegPerson or SegOrg or SegPlace)
                {
                    Emit(j, j + len, kind == SegPerson ? NameType.Person : kind == SegOrg ? NameType.Organization : NameType.Location,
                        NameEvidence.KnowledgeBase);
                    j += len;
                    continue;
                }
                if (kind == SegAdjective)
                {
                    // a country adjective before a known organisation belongs to its name: "British Red Cross"
                    int next = j + len;
                    if (next < e && seg[next - s] == SegOrg)
                    {
                        Emit(j, next + segLen[next - s], NameType.Organization, NameEvidence.KnowledgeBase);
                        j = next + segLen[next - s];
                        continue;
                    }
                    j += len;
                    continue;
                }
                bool nextWeak = j + len < e && (seg[j + len - s] == SegUnknown
                    || (seg[j + len - s] == SegCity && !StrongPlace(j + len, j + len + segLen[j + len - s])));
                if (kind == SegCity && (!nextWeak || StrongPlace(j, j + len)))
                {
                    // a city first is a place of its own: "Washington Chris Gregoire"; after a name it is a surname ("Valeska Paris")
                    City(j, j + len);
                    j += len;
                    continue;
                }
                // a group of unknown words, with the cities after them
                int k = j;
                while (k < e && seg[k - s] is SegUnknown or SegCity) k += segLen[k - s];
                // a word before a country that ends the run names an agency or company: "Environment Canada", "Air Canada"
                if (k - j == 1 && k < e && seg[k - s] == SegPlace && k + segLen[k - s] == e && IsCountry(k, e)
                    && !(_memory is not null && _memory.IsPersonPart(_w[j])))
                {
                    Emit(j, e, NameType.Organization, NameEvidence.KnowledgeBase | NameEvidence.Capitalized);
                    j = e;
                    continue;
                }
                // a compass word before a known place: "East Los Angeles"
                if (k < e && k - j == 1 && IsCompass(_w[j]) && seg[k - s] == SegPlace)
                {
                    int l = segLen[k - s];
                    Emit(j, k + l, NameType.Location, NameEvidence.KnowledgeBase | NameEvidence.PlaceCue);
                    j = k + l;
                    continue;
                }
                // an abbreviation after a place: "Washington D.C."
                if (k - j == 1 && _w[j].EndsWith('.') && Has(j, Upper) && _results.Count > 0 && _results[^1].End == j
                    && _results[^1].Type == NameType.Location)
                {
                    var last = _results[^1];
                    _results[^1] = last with { Length = last.Length + 1 };
                    j = k;
                    continue;
                }
                // an acronym or a known organisation before other words: "NASA Bill Ingalls", "Google Science Fair"
                if (k - j >= 2 && (IsAcronym(j) || Is(j, WordFlags.KnownOrg)) && !Is(j + 1, WordFlags.OrgCue | WordFlags.PlaceCue))
                {
                    bool rest = Guess(j + 1, k, out var restType, out var restWhy);
                    if (_memory is not null && _memory.TryGetName(_w.Slice(j, 1), out var known)) Emit(j, j + 1, known, NameEvidence.Memory);
                    else Emit(j, j + 1, NameType.Organization, IsAcronym(j) ? NameEvidence.Acronym : NameEvidence.KnowledgeBase);
                    if (rest) Emit(j + 1, k, restType, restWhy);
                    j = k;
                    continue;
                }
                // no punctuation at the edges: "R -" in "( R - Texas )"
                int gs = j, ge = k;
                while (gs < ge && (_w[gs].Length == 0 || !char.IsLetterOrDigit(_w[gs][0]))) gs++;
                while (ge > gs && (_w[ge - 1].Length == 0 || !char.IsLetterOrDigit(_w[ge - 1][0]))) ge--;
                if (ge > gs && Guess(gs, ge, out var type, out var why)) Emit(gs, ge, type, why);
                j = k;
            }
        }

        /// <summary>
        /// A city or capital of the knowledge base on its own: a person when the document named a person so, a place when it
        /// is a capital, a large city, a phrase of several words or has a place preposition before it; otherwise (small
        /// towns share their names with people: "Walker", "Evans") typed like an unknown word.
        /// </summary>
        private void City(int s, int e)
        {
            if (_memory is not null)
            {
                if (_memory.TryGetName(_w[s..e], out var t)) { Emit(s, e, t, NameEvidence.Memory); return; }
                if (e - s == 1 && _memory.IsPersonPart(_w[s])) { Emit(s, e, NameType.Person, NameEvidence.Memory); return; }
            }
            bool strong = e - s >= 2 || (s > 0 && Has(s - 1, Lower) && (Is(s - 1, WordFlags.PlacePreposition) || _w[s - 1] is "from" or "to" or "at" or "of"))
                || (e < _n && _w[e] == ",") || (s > 0 && _w[s - 1] == ",") || StrongPlace(s, e);
            if (strong) { Emit(s, e, NameType.Location, NameEvidence.KnowledgeBase); return; }
            if (Guess(s, e, out var type, out var why)) Emit(s, e, type, why);
        }

        /// <summary>A capital or a city of at least <see cref="LargeCity"/> people.</summary>
        private readonly bool StrongPlace(int s, int e)
        {
            var m = Kb(s);
            if (m.Length != e - s) return false;
            foreach (var entry in m)
            {
                if (entry.Kind == EntryKind.Capital) return true;
                if (entry.Kind == EntryKind.City && _owner._kb.Cities[entry.EntityId].Population >= LargeCity) return true;
            }
            return false;
        }

        /// <summary>The type of an unknown name from its shape, memory and context; false when it is not a name.</summary>
        private readonly bool Guess(int s, int e, out NameType type, out NameEvidence why)
        {
            int len = e - s;
            type = NameType.Person;
            why = NameEvidence.Default;
            bool things = false, groups = true, digits = false;
            for (int i = s; i < e; i++)
            {
                things |= Is(i, WordFlags.Thing);
                groups &= Is(i, WordFlags.Group) || !Has(i, Cap);
                digits |= _w[i].AsSpan().IndexOfAnyInRange('0', '9') >= 0;
            }
            if (_memory is not null)
            {
                if (_memory.TryGetName(_w[s..e], out type)) { why = NameEvidence.Memory; return true; }
                if (!things && len <= 3)
                {
                    for (int i = s; i < e; i++)
                        if (_memory.IsPersonPart(_w[i])) { type = NameType.Person; why = NameEvidence.Memory; return true; }
                }
            }
            if (len == 1 && Is(s, WordFlags.KnownOrg)) { type = NameType.Organization; why = NameEvidence.KnowledgeBase; return true; }
            if (digits) return false; // "IE6", "A380": products and models
            if (groups) return false; // "Muslims", "English"
            // a role word before: "actor Jason Beghe", "child , Gloria"
            int before = s - 1;
            if (before >= 0 && _w[before] == ",") before--;
            if (before >= 0 && Is(before, WordFlags.Title) && !Is(before, WordFlags.Stop) && !(before == s - 1 && Has(before, Cap)))
            {
                type = NameType.Person; why = NameEvidence.Title; return true;
            }
            // "Secretary of State"; "Minister of Education Stefania Giannini"
            if (s >= 2 && _w[s - 1] == "of" && Is(s - 2, WordFlags.Title))
            {
                if (len == 1) return false;
                if (len >= 3)
                {
                    bool rest = Guess(s + 1, e, out type, out why);
                    if (rest) { Emit(s + 1, e, type, why); }
                    return false;
                }
            }
            // "Kennedy Space Center ( KSC )": the acronym of the name before it
            if (len == 1 && IsAcronym(s) && s >= 2 && _w[s - 1] == "(" && e < _n && _w[e] == ")" && _results.Count > 0
                && _results[^1].End == s - 1)
            {
                type = _results[^1].Type; why = NameEvidence.Acronym; return true;
            }
            if (len == 1 && IsAcronym(s))
            {
                type = NameType.Organization; why = NameEvidence.Acronym; return true;
            }
            // a name before a role or group word is an employer: "Scientology officials", "Google headquarters"
            if (e < _n && Has(e, Lower) && Is(e, WordFlags.Title | WordFlags.OrgContext)) { type = NameType.Organization; why = NameEvidence.OrganizationCue; return true; }
            // "members of X", "founder of X"
            if (s >= 2 && _w[s - 1] == "of" && Is(s - 2, WordFlags.OrgContext) && !Is(s, WordFlags.TitlePart))
            {
                type = NameType.Organization; why = NameEvidence.OrganizationCue; return true;
            }
            // "... said", "..., who"
            if (e < _n && !things)
            {
                if (Is(e, WordFlags.SayVerb)) { type = NameType.Person; why = NameEvidence.PersonContext; return true; }
                if (_w[e] == "," && e + 1 < _n && _w[e + 1] is "who" or "whose") { type = NameType.Person; why = NameEvidence.PersonContext; return true; }
            }
            for (int i = s; i < e; i++)
                if (Has(i, Lower) && Is(i, WordFlags.Joiner)) { type = NameType.Organization; why = NameEvidence.Capitalized; return true; }
            if (s > 0 && Is(s - 1, WordFlags.PlacePreposition) && (Has(s - 1, Lower) || Has(s - 1, Initial)))
            {
                type = NameType.Location; why = NameEvidence.PlaceCue; return true;
            }
            // "Space Shuttle Atlantis", "World Cup", "Internet Explorer": things and events, not organisations
            if (things) return false;
            // persons do not take "the", and unknown names after it are as often events and things as organisations
            // ("the Sea Org", "the Google Science Fair", "the Hajj")
            if (s > 0 && Is(s - 1, WordFlags.Determiner) && !Is(s, WordFlags.GivenName))
            {
                // "the Silver Clouds installation": a name modifying a noun is not typed here
                bool modifier = e < _n && Has(e, Lower) && (HasTags ? _tags[e] == "NOUN" : Is(e, WordFlags.Thing | WordFlags.OrgContext));
                type = NameType.Organization;
                return (len >= 2 && !things && !modifier) || Is(s, WordFlags.KnownOrg);
            }
            if (len >= 2)
            {
                // a quoted title is a work or a product, not a person: "Better Idea"
                if (s > 0 && e < _n && IsQuote(_w[s - 1]) && IsQuote(_w[e])) return false;
                type = NameType.Person;
                return true;
            }
            // one unknown word with no cue at all: a person when it is a common given name, an organisation only when
            // news names it so, otherwise nothing
            if (Is(s, WordFlags.GivenName)) { type = NameType.Person; why = NameEvidence.GivenName; return true; }
            type = NameType.Organization;
            why = NameEvidence.Default;
            return Is(s, WordFlags.KnownOrg);
        }

        /// <summary>A place word as the head of the run: last ("Grand Mosque") or before "of" ("Museum of Flight").</summary>
        private readonly bool HeadPlaceCue(int s, int e)
        {
            for (int i = s; i < e; i++)
                if (Is(i, WordFlags.PlaceCue) && Has(i, Cap) && (i == e - 1 || _w[i + 1] == "of")) return true;
            return false;
        }

        /// <summary>Three or more capital letters and nothing else ("NASA", "FTU"), not a Roman numeral; two-letter ones are too often other things ("QC", "PC").</summary>
        private readonly bool IsAcronym(int i)
        {
            string w = _w[i];
            if (w.Length < 3 || !Has(i, Upper) || IsRoman(w)) return false;
            foreach (char c in w) if (!char.IsUpper(c)) return false;
            return true;
        }

        private static bool IsRoman(string w)
        {
            foreach (char c in w) if (c is not ('I' or 'V' or 'X' or 'L' or 'C' or 'M' or 'D')) return false;
            return true;
        }

        /// <summary>Two or three plain capitalised words with no knowledge-base name, cue or joining word among them.</summary>
        private readonly bool PersonLike(int s, int e)
        {
            if (e - s > 3) return false;
            for (int i = s; i < e; i++)
            {
                if (!Has(i, Cap) || Has(i, Upper)) return false;
                if (Is(i, WordFlags.OrgCue | WordFlags.PlaceCue | WordFlags.Thing | WordFlags.Joiner | WordFlags.Title | WordFlags.TitlePart)) return false;
                if (!Kb(i).IsEmpty) return false;
            }
            return true;
        }

        private readonly bool AnyCue(int s, int e, WordFlags cue)
        {
            for (int i = s; i < e; i++) if (Is(i, cue) && Has(i, Cap)) return true;
            return false;
        }

        private readonly int FindCue(int s, int e, WordFlags cue)
        {
            for (int i = e - 1; i >= s; i--) if (Is(i, cue) && (Has(i, Cap) || _allCaps)) return i;
            return -1;
        }

        /// <summary>True when every word is a cue, title or joining word ("Foreign Ministry", "Police"): a common noun phrase.</summary>
        private readonly bool AllCueWords(int s, int e)
        {
            for (int i = s; i < e; i++)
                if (!Is(i, WordFlags.OrgCue | WordFlags.PlaceCue | WordFlags.Title | WordFlags.TitlePart | WordFlags.Joiner)) return false;
            return true;
        }

        private readonly bool AllTitleWords(int s, int e)
        {
            for (int i = s; i < e; i++)
                if (!Is(i, WordFlags.Title | WordFlags.TitlePart | WordFlags.Joiner | WordFlags.Group)) return false;
            return true;
        }

        private static bool IsQuote(string w) => w is "\"" or "\u201C" or "\u201D" or "``" or "''" or "'" or "\u2018" or "\u2019";

        private static bool IsCompass(string w) => w is "East" or "West" or "North" or "South" or "Central" or "Northern"
            or "Southern" or "Eastern" or "Western" or "Upper" or "Lower" or "Greater" or "Northeast" or "Northwest"
            or "Southeast" or "Southwest";

        private void RunAllCaps()
        {
            int i = 0;
            while (i < _n)
            {
                if (!Has(i, Upper) || Is(i, WordFlags.Stop | WordFlags.Calendar)) { i++; continue; }
                var m = Kb(i);
                if (!m.IsEmpty)
                {
                    var kind = m.First.Kind;
                    // single common words that happen to be city names are not trusted in capitals
                    bool ok = kind is not (EntryKind.CountryAdjective or EntryKind.Demonym) && (kind != EntryKind.City || m.Length >= 2);
                    if (ok) Emit(i, m.End, TypeOf(kind), NameEvidence.KnowledgeBase);
                    i = m.End;
                    continue;
                }
                if (_memory is not null)
                {
                    if (_memory.TryGetName(_w.Slice(i, 1), out var t)) { Emit(i, i + 1, t, NameEvidence.Memory); i++; continue; }
                }
                i++;
            }
        }

        private readonly void Emit(int s, int e, NameType type, NameEvidence why)
        {
            if (e <= s) return;
            if (HasTags)
            {
                bool allProper = true;
                for (int i = s; i < e && allProper; i++) allProper = Has(i, Proper) || !Has(i, Cap);
                if (allProper) why |= NameEvidence.ProperNounTags;
            }
            if (_sports && type == NameType.Location && (why & NameEvidence.KnowledgeBase) != 0 && IsCountry(s, e)
                && !(s > 0 && Has(s - 1, Lower) && Is(s - 1, WordFlags.PlacePreposition)) && !(s > 0 && _w[s - 1] is "at" or "of"))
            {
                type = NameType.Organization; // a national team: "Sweden defeated South Korea"
            }
            var span = new NameSpan(s, e - s, type, why);
            _results.Add(span);
            // a lone word typed by default is not remembered: a later full name decides it ("Warhol" ... "Andy Warhol")
            if (e - s >= 2 || (why & (NameEvidence.KnowledgeBase | NameEvidence.Title | NameEvidence.OrganizationCue | NameEvidence.Acronym | NameEvidence.Memory)) != 0)
                _memory?.Remember(_w, span);
        }

        private readonly bool IsCountry(int s, int e)
        {
            var m = _owner._kb.Match(_w, s, EntryKinds.Country, _options);
            return m.Length == e - s;
        }

        private static NameType TypeOf(EntryKind kind) => kind switch
        {
            EntryKind.Person => NameType.Person,
            EntryKind.Organization => NameType.Organization,
            _ => NameType.Location,
        };
    }
}
