using System.Collections.Frozen;
using System.Globalization;
using Dyad.Documents;
using Dyad.Pipeline;
using Dyad.Util;

namespace Dyad.Coding;

/// <summary>
/// Codes who-did-what-to-whom events from sentences with resolved actors, using verb patterns
/// (<see cref="VerbPatternSet"/>). Roles come from the dependency parse when the sentence was parsed (subject, passive
/// agent, objects), and from word order otherwise. Negated acts are not coded; announced acts are coded as intents.
/// Within an article, the same (source, target, code, date) is one event with a mention count.
/// </summary>
public sealed class EventCoder : IPipelineComponent
{
    private readonly VerbPatternSet _patterns;
    private readonly IntentMap _intents;
    private readonly EventCoderOptions _options;

    public EventCoder(VerbPatternSet? patterns = null, IntentMap? intents = null, EventCoderOptions? options = null)
    {
        _patterns = patterns ?? VerbPatternSet.Default;
        _intents = intents ?? IntentMap.Default;
        _options = options ?? EventCoderOptions.Default;
        var past = new HashSet<string>(StringComparer.Ordinal);
        foreach (var forms in _patterns.Irregular.Values)
        {
            foreach (var f in forms)
            {
                if (!f.EndsWith("ing", StringComparison.Ordinal) && !f.EndsWith('s')) past.Add(f);
            }
        }
        _irregularPast = past.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Irregular past forms of English verbs ("left", "met"), from the irregular verb list.</summary>
    private readonly FrozenSet<string> _irregularPast;

    public string Name => "coder";
    public Annotation Requires => Annotation.Tokens | Annotation.Sentences | Annotation.Actors;
    public Annotation Provides => Annotation.Events;

    /// <summary>Tokens allowed between pattern words ("hold [high-level] talks with").</summary>
    private const int Gap = 3;
    /// <summary>The gap with <see cref="EventCoderOptions.WideGaps"/> (TABARI-style patterns, words apart unless joined with "_").</summary>
    private const int WideGap = 8;

    /// <summary>The source of the last event coded in the document being processed on this thread (for "It ..." in the next sentence).</summary>
    [ThreadStatic] private static ActorMention? t_previousSubject;

    public void Process(Document doc)
    {
        t_previousSubject = null;
        var found = new List<CodedEvent>();
        var inSentence = new List<ActorMention>();
        int m = 0;
        var mentions = doc.Mentions;
        for (int si = 0; si < doc.Sentences.Count; si++)
        {
            var s = doc.Sentences[si];
            inSentence.Clear();
            while (m < mentions.Count && mentions[m].FirstToken < s.FirstToken) m++;
            for (int k = m; k < mentions.Count && mentions[k].FirstToken < s.EndToken; k++)
            {
                if (_options.PlacesAreNotActors && IsPartOfName(doc, si, mentions[k], mentions)) continue;
                inSentence.Add(mentions[k]);
            }
            if (inSentence.Count == 0) continue;
            CodeSentence(doc, si, s, inSentence, found);
        }
        Merge(doc, found);
        doc.MarkDone(Annotation.Events);
    }

    [ThreadStatic] private static PatternWordMarks? t_marks;

    private void CodeSentence(Document doc, int si, Sentence s, List<ActorMention> mentions, List<CodedEvent> found)
    {
        var marks = t_marks ??= new PatternWordMarks();
        try
        {
            CodeSentence(doc, si, s, mentions, found, marks);
        }
        finally
        {
            marks.Clear();
        }
    }

    private void CodeSentence(Document doc, int si, Sentence s, List<ActorMention> mentions, List<CodedEvent> found, PatternWordMarks marks)
    {
        Span<char> lower = stackalloc char[64];
        bool marked = false;
        var syntax = doc.Syntax;
        bool parsed = syntax is not null && syntax.Parsed[s.FirstToken];
        // a sentence the tagger left without any verb ("X's new mayor left/NOUN yesterday for Y") has an implausible
        // parse: a past-tense form of a pattern verb after a noun is read as the verb, with roles by word order
        bool verbless = parsed && !HasVerb(syntax!, s);
        int consumedUntil = -1; // pattern words of a fired pattern are not anchors themselves ("held talks with")
        for (int t = s.FirstToken; t < s.EndToken; t++)
        {
            var word = doc.Word(t);
            if (t <= consumedUntil || word.Length > lower.Length || InMention(mentions, t) is not null) continue;
            int n = word.AsSpan().ToLowerInvariant(lower);
            var candidates = _patterns.ForVerbForm(lower[..n]);
            if (candidates.IsEmpty) continue;
            // patterns needing a word the sentence lacks cannot fire: skip them without trying
            var needs = _patterns.NeedsOfVerbForm(lower[..n]);
            if (!marked)
            {
                marks.Mark(_patterns, doc, s);
                marked = true;
            }
            bool nounTagged = false;
            if (verbless && IsPastForm(lower[..n]) && t > s.FirstToken && syntax!.Upos[t - 1] is "NOUN" or "PROPN")
            {
                if (doc.Tracing) doc.Note(si, Name, $"no word of the sentence is tagged a verb: '{word}' read as the verb, roles by word order");
                bool passiveHere = IsPassive(doc, s, t, parsed: false);
                for (int ci = 0; ci < candidates.Length; ci++)
                {
                    if (!VerbPatternSet.Covers(needs[ci], marks.Present)) continue;
                    int last = TryPattern(doc, si, s, t, candidates[ci], mentions, parsed: false, passiveHere, found);
                    if (last >= 0)
                    {
                        consumedUntil = Math.Max(consumedUntil, last);
                        break;
                    }
                }
                continue;
            }
            if (parsed && syntax!.Upos[t] is not ("VERB" or "AUX") && !(syntax.Rel[t] == "root" && syntax.Upos[t] is "NOUN" or "ADJ" or "PROPN")
                && !(char.IsLower(word[0]) && word.EndsWith('s') && t > s.FirstToken && InMention(mentions, t - 1) is not null && InMention(mentions, t - 1)!.EndToken == t))
            {
                if (!_options.WideGaps)
                {
                    if (doc.Tracing) doc.Note(si, Name, $"'{word}' is tagged {syntax.Upos[t]}, not a verb: no verb pattern tried");
                    continue;
                }
                // TABARI-style patterns with words before the verb fix its use themselves ("inching nearer to accord")
                nounTagged = true;
                if (doc.Tracing) doc.Note(si, Name, $"'{word}' is tagged {syntax.Upos[t]}: only patterns with words before the verb tried");
            }
            bool passive = IsPassive(doc, s, t, parsed);
            int skipped = 0;
            for (int ci = 0; ci < candidates.Length; ci++)
            {
                var p = candidates[ci];
                // a noun-tagged word takes only patterns whose words before it fix its use, and no target before it
                // ("an anti- Gondor parade" is no act of parading)
                if (nounTagged && (p.Pre.Length == 0 || p.TargetBeforeVerb)) continue;
                if (!VerbPatternSet.Covers(needs[ci], marks.Present))
                {
                    skipped++;
                    continue;
                }
                int last = TryPattern(doc, si, s, t, p, mentions, parsed, passive, found);
                if (last >= 0)
                {
                    consumedUntil = Math.Max(consumedUntil, last);
                    break;
                }
            }
            if (skipped > 0 && doc.Tracing) doc.Note(si, Name, $"{skipped} more pattern(s) of '{word}' need words this sentence does not have: not tried");
        }
    }

    /// <summary>
    /// The tagger's second opinion on a one-word place mention, where the sentence was parsed: tagged a common noun
    /// ("Turkey" the bird) or the first word of a longer proper name that the knowledge base does not know ("Jordan
    /// Henderson", "Chad Smith", "China Daily": flat or compound on the next word, a proper noun outside any actor),
    /// it is not the country acting.
    /// </summary>
    private bool IsPartOfName(Document doc, int si, ActorMention m, List<ActorMention> mentions)
    {
        if (m.TokenCount != 1 || m.Sectors.Count > 0 || m.Kind is not (MentionKind.Country or MentionKind.Capital or MentionKind.City)) return false;
        var syn = doc.Syntax;
        int t = m.FirstToken;
        if (syn is null || !syn.Parsed[t]) return false;
        bool noun = syn.Upos[t] == "NOUN";
        int h = syn.Head[t];
        bool namePart = !noun && syn.Rel[t] is "flat" or "compound" && h == t + 1 && syn.Upos[h] == "PROPN" && InMention(mentions, h) is null
            && char.IsUpper(doc.Word(h)[0]);
        if (!noun && !namePart) return false;
        if (doc.Tracing)
            doc.Note(si, Name, noun ? $"'{doc.Word(t)}' is tagged a common noun here: not {m.Code}" : $"'{doc.Word(t)}' opens the name '{doc.Word(t)} {doc.Word(h)}': not {m.Code}");
        return true;
    }

    private static bool HasVerb(SyntaxLayer syn, Sentence s)
    {
        for (int k = s.FirstToken; k < s.EndToken; k++)
        {
            if (syn.Upos[k] is "VERB" or "AUX") return true;
        }
        return false;
    }

    /// <summary>A regular past form ("welcomed") or an irregular one ("left", "met").</summary>
    private bool IsPastForm(ReadOnlySpan<char> lower) =>
        (lower.Length > 4 && lower.EndsWith("ed")) || _irregularPast.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower);

    /// <summary>Tries one pattern at a verb; returns the last token of its middle words when it fired (or matched negated), else -1.</summary>
    private int TryPattern(Document doc, int si, Sentence s, int verb, VerbPattern p, List<ActorMention> mentions, bool parsed,
        bool passive, List<CodedEvent> found)
    {
        int cursor = verb + 1;
        Span<char> lower = stackalloc char[64];
        // Words before the verb, nearest last ("said * to attend", "will not *").
        int firstPreAt = verb;
        if (p.Pre.Length > 0 && !PreMatches(doc, s, verb, p, mentions, lower, out firstPreAt))
        {
            if (doc.Tracing) doc.Note(si, Name, $"pattern [{p.Text}] at '{doc.Word(verb)}': words before the verb not found");
            return -1;
        }
        bool symmetricOnly = false;
        int firstWordAt = -1;
        // Middle words, in order, after the verb.
        for (int mi = 0; mi < p.Middle.Length; mi++)
        {
            var w = p.Middle[mi];
            if (w == "^")
            {
                cursor = SkipPhrase(doc, s, cursor, mentions);
                continue;
            }
            bool adjacent = mi < p.MiddleAdjacent.Length && p.MiddleAdjacent[mi];
            int at = FindWord(doc, s, cursor, w, mentions, lower, adjacent, p.ExactWords && _options.ExactPatternWords);
            if (mi == 0) firstWordAt = at;
            if (at < 0 && p.Symmetric && ReferenceEquals(w, p.Middle[^1]) && VerbPatternSet.Prepositions.Contains(w))
            {
                // "Japan and South Korea held talks": a symmetric pattern without its "with OBJ" joins the compound subject.
                symmetricOnly = true;
                break;
            }
            if (at < 0)
            {
                if (doc.Tracing) doc.Note(si, Name, $"pattern [{p.Text}] at '{doc.Word(verb)}': '{w}' not found after the verb");
                return -1;
            }
            cursor = at + 1;
        }
        if (parsed && p.Pre.Length == 0 && _options.Hypotheticals && ReasonGerund(doc, s, verb) is int reasonOf && reasonOf >= 0)
        {
            // "charged nine suppliers with helping Ahold", "jailed a student for helping rebels": the act is the reason
            // given for a charge, a punishment or a praise; its actor is the object, and it is alleged, not reported
            if (doc.Tracing) doc.Note(si, Name, $"pattern [{p.Text}] at '{doc.Word(verb)}': the act is the reason given for '{doc.Word(reasonOf)}': not coded");
            return -1;
        }
        if (parsed && p.Pre.Length == 0 && _options.Hypotheticals && ControllingAppeal(doc, s, verb) is int appeal && appeal >= 0)
        {
            // "Congress asked Obama to help Iran": the help has not happened, and it would be Obama's; the appeal's own
            // pattern codes Congress → Obama
            if (doc.Tracing) doc.Note(si, Name, $"pattern [{p.Text}] at '{doc.Word(verb)}': the act is asked for, wanted or ordered by '{doc.Word(appeal)}': not coded");
            return -1;
        }
        bool reduced = parsed && IsReducedRelative(doc, s, verb);
        if (reduced && (p.NoPassive || p.Middle.Length > 0 || p.TargetIsSubject || p.CompoundSource || p.TargetBeforeVerb))
        {
            // "the embassy attacked by protesters": the noun is the participle's object, never the subject of an active reading
            if (doc.Tracing) doc.Note(si, Name, $"pattern [{p.Text}] at '{doc.Word(verb)}': a participle modifying a noun is passive");
            return -1;
        }
        List<ActorMention> sources, targets;
        if (p.CompoundSource || symmetricOnly)
        {
            // "X and Y agreed": events between the members of the compound subject, both ways.
            sources = SubjectsOf(doc, s, verb, mentions, parsed);
            if (sources.Count < 2)
            {
                if (doc.Tracing) doc.Note(si, Name, $"pattern [{p.Text}] at '{doc.Word(verb)}': no compound subject");
                return -1;
            }
            targets = sources;
        }
        else if (p.TargetIsSubject)
        {
            targets = SubjectsOf(doc, s, verb, mentions, parsed);
            sources = ObjectsAfter(doc, s, cursor, mentions, parsed ? verb : -1);
            if (sources.Count == 0 || targets.Count == 0)
            {
                if (doc.Tracing) doc.Note(si, Name, $"pattern [{p.Text}] at '{doc.Word(verb)}': roles not found");
                return -1;
            }
        }
        else if (p.TargetBeforeVerb && p.Pre.Length > 0)
        {
            // "Gondor noted that Mordor regretted ..." (NOTED + *): the target stands between the pattern's words and the
            // verb, the source is the subject of the clause the first pattern word belongs to
            targets = new List<ActorMention>(2);
            foreach (var m in mentions)
            {
                if (m.FirstToken <= firstPreAt || m.EndToken > verb) continue;
                targets.Add(m);
                AddCoordinated(doc, s, m, mentions, targets);
                break;
            }
            sources = targets.Count > 0 ? SubjectsOf(doc, s, firstPreAt, mentions, parsed) : targets;
            if (sources.Count == 0 || targets.Count == 0)
            {
                if (doc.Tracing) doc.Note(si, Name, $"pattern [{p.Text}] at '{doc.Word(verb)}': {(targets.Count == 0 ? "no target before the verb" : "no source for the clause above")}");
                return -1;
            }
        }
        else if (passive && !p.NoPassive && p.Middle.Length == 0)
        {
            // "Ukraine was attacked by Russia": target is the subject, source the by-agent.
            targets = SubjectsOf(doc, s, verb, mentions, parsed);
            sources = AgentsOf(doc, s, verb, mentions);
            if (sources.Count == 0 && _options.WideGaps && targets.Count > 0 && parsed
                && ChildWith(doc, s, verb, "nsubj:pass", "nsubj:pass") is int ps && ps >= 0 && MentionAt(doc, s, ps, mentions) is not null)
            {
                // PETRARCH reads a passive without a by-agent like the active ("X was criticized over its dispute with Y": X → Y)
                sources = targets;
                targets = ObjectsAfter(doc, s, cursor, mentions, parsed ? verb : -1, wide: true);
            }
            if (targets.Count == 0 || sources.Count == 0)
            {
                if (doc.Tracing) doc.Note(si, Name, $"pattern [{p.Text}] at '{doc.Word(verb)}' (passive): {(targets.Count == 0 ? "no subject actor" : "no by-agent actor")}");
                return -1;
            }
        }
        else
        {
            // a visit's place is its host: "flew to Basra in southern Iraq", "will visit an orphanage in Tanzania"
            bool visit = p.Code.StartsWith("042", StringComparison.Ordinal);
            targets = ObjectsAfter(doc, s, cursor, mentions, parsed ? verb : -1, _options.WideGaps, places: visit);
            if (p.DirectObject && targets.Count > 0 && !IsDirectObject(doc, s, verb, targets[0], parsed))
            {
                // "struck a deal to buy Yukos", "called a truce in its battle with France": the actor is not what is struck or called
                if (doc.Tracing) doc.Note(si, Name, $"pattern [{p.Text}] at '{doc.Word(verb)}': '{doc.Text.AsSpan(targets[0].Span.Start, targets[0].Span.Length)}' is not the verb's direct object");
                return -1;
            }
            if (targets.Count == 0 && parsed && !p.DirectObject && ((p.Middle.Length == 0 && p.Tail.Length == 0) || _options.WideGaps))
                targets = ComplementActors(doc, s, verb, mentions);
            if (targets.Count == 0 && _options.WideGaps && p.Middle.Length > 0 && firstWordAt > verb + 1)
            {
                // TABARI: the target may stand between the verb and the pattern's words ("allowed that Mordor isn't a really pleasant place")
                foreach (var m in mentions)
                {
                    if (m.FirstToken > verb && m.EndToken <= firstWordAt)
                    {
                        targets = [m];
                        AddCoordinated(doc, s, m, mentions, targets, verb);
                        break;
                    }
                }
            }
            sources = SubjectsOf(doc, s, verb, mentions, parsed);
            if (targets.Count == 0 && p.Symmetric && sources.Count >= 2 && p.Preposition is not null)
            {
                // "The United States and Mexico resumed talks": both directions between the coordinated subjects.
                targets = sources;
            }
            if (targets.Count == 0 && sources.Count > 0 && !_options.RequireDyad && !(parsed && ChildWith(doc, s, verb, "obj", "iobj") >= 0))
            {
                // require_dyad off: "..., a senior official said" is coded with a null target; a verb whose object is
                // no actor ("burned down its embassy") has a target, only not one we know
                targets = [NullActor(doc, verb)];
            }
            if (sources.Count == 0 || targets.Count == 0)
            {
                if (doc.Tracing) doc.Note(si, Name, $"pattern [{p.Text}] at '{doc.Word(verb)}': {(sources.Count == 0 ? "no source actor" : "no target actor")}");
                return -1;
            }
        }
        // Tail words after the target.
        int afterTarget = p.CompoundSource || symmetricOnly ? cursor : targets[^1].EndToken;
        foreach (var w in p.Tail)
        {
            if (w == "^")
            {
                afterTarget = SkipPhrase(doc, s, afterTarget, mentions);
                continue;
            }
            int at = FindWord(doc, s, afterTarget, w, mentions, lower, exact: p.ExactWords && _options.ExactPatternWords);
            if (at < 0)
            {
                if (doc.Tracing) doc.Note(si, Name, $"pattern [{p.Text}] at '{doc.Word(verb)}': '{w}' not found after the target");
                return -1;
            }
            afterTarget = at + 1;
        }
        if (_options.Negation && p.Pre.Length == 0 && IsNegated(doc, s, verb, parsed))
        {
            if (doc.Tracing) doc.Note(si, Name, $"pattern [{p.Text}] at '{doc.Word(verb)}' matched but the verb is negated: not coded");
            return cursor - 1;
        }
        if (_options.Hypotheticals && parsed && IsHypothetical(doc, s, verb, out string cue))
        {
            if (doc.Tracing) doc.Note(si, Name, $"pattern [{p.Text}] at '{doc.Word(verb)}' matched but the act is {cue}: not coded");
            return cursor - 1;
        }
        string code = p.Code;
        string why = p.Text;
        if (_options.Intents && IsIntent(doc, s, verb, parsed, out string marker))
        {
            string intent = _intents.IntentOf(code);
            if (intent != code) why = $"{p.Text}; intent marked by '{marker}' -> {intent}";
            code = intent;
        }
        int added = 0;
        var date = EventDate(doc, s, verb);
        foreach (var src in sources)
        {
            foreach (var tgt in targets)
            {
                if (IsSelfEvent(src, tgt))
                {
                    if (doc.Tracing) doc.Note(si, Name, $"pattern [{p.Text}]: '{doc.Text.AsSpan(src.Span.Start, src.Span.Length)}' ({src.Code}) and '{doc.Text.AsSpan(tgt.Span.Start, tgt.Span.Length)}' ({tgt.Code}) are one actor or an agent of the other's own country: not coded");
                    continue;
                }
                added += Emit(doc, si, s, verb, src, tgt, code, why, parsed, date, found);
                if (p.ReverseCode is { } rev && !p.CompoundSource) added += Emit(doc, si, s, verb, tgt, src, rev, why, parsed, date, found);
            }
        }
        if (added > 0 && sources.Count == 1 && !p.TargetIsSubject) t_previousSubject = sources[0];
        if (doc.Tracing) doc.Note(si, Name, $"pattern [{p.Text}] fired at '{doc.Word(verb)}'{(passive ? " (passive)" : "")}: {added} event(s), code {code}");
        return added > 0 ? cursor - 1 : -1;
    }

    /// <summary>
    /// An event of an actor with itself: the same mention, the same code or the same named entity, or a country's agent
    /// acting on that bare country ("Jack Straw" GBRGOV → "Britain's" GBR; CHNGOV → "it" resolved to CHN). Domestic
    /// dyads between two agents of one country (USAGOV → USAOPP) and the state acting on its own agents (SYR → SYRREB)
    /// are kept.
    /// </summary>
    private static bool IsSelfEvent(ActorMention src, ActorMention tgt)
    {
        if (ReferenceEquals(src, tgt) || src.Code == tgt.Code) return true;
        if (src.Entity is not null && src.Entity == tgt.Entity) return true;
        if (src.Code == EventCoderOptions.NullActorCode || tgt.Code == EventCoderOptions.NullActorCode) return false;
        // the state acting on its own people or agents stays ("Syria used chemical weapons against Syrian rebels")
        return tgt.Code.Length == 3 && src.Country == tgt.Code;
    }

    /// <summary>
    /// Whether an actor is the verb's own object (a "direct" pattern): parsed, the actor's head depends on the verb as
    /// obj or iobj (or is the first of two objects misparsed as a compound) and the object has no complement of its own
    /// (xcomp, "as ..."); unparsed, it follows the verb with at most an article between.
    /// </summary>
    private static bool IsDirectObject(Document doc, Sentence s, int verb, ActorMention m, bool parsed)
    {
        if (!parsed)
        {
            for (int k = verb + 1; k < m.FirstToken; k++)
                if (k > verb + 1 || doc.Word(k) is not ("the" or "a" or "an" or "The")) return false;
            return m.FirstToken > verb;
        }
        var syn = doc.Syntax!;
        int r = m.HeadToken;
        for (int k = m.FirstToken; k < m.EndToken; k++)
        {
            int h = syn.Head[k];
            if (h < m.FirstToken || h >= m.EndToken) { r = k; break; }
        }
        // "lent Russia dollars 6bn" misparsed as a compound of the second object: the first object right after the verb
        bool firstOfTwo = m.FirstToken == verb + 1 && syn.Rel[r] == "compound" && syn.Head[r] is int o && o >= m.EndToken
            && syn.Head[o] == verb && syn.Rel[o] == "obj";
        if (!firstOfTwo && (syn.Head[r] != verb || syn.Rel[r] is not ("obj" or "iobj"))) return false;
        // an object with a complement is named or cast, not acted on: "called the rebate unjustified", "called a
        // whistleblower as their first witness", "what it calls the Interactive Media Player"
        for (int k = m.EndToken; k < s.EndToken; k++)
        {
            if (syn.Head[k] != verb) continue;
            if (syn.Rel[k] == "xcomp") return false;
            int c = ChildWith(doc, s, k, "case", "mark");
            if (syn.Rel[k] == "obl" && c < 0 && k == m.EndToken) return false;
            if (syn.Rel[k] is "obl" or "advcl" && c >= 0 && doc.Word(c) == "as") return false;
        }
        return true;
    }

    /// <summary>A stand-in for a missing actor (<see cref="EventCoderOptions.RequireDyad"/> off), placed at the verb.</summary>
    private static ActorMention NullActor(Document doc, int verb) =>
        new(verb, 0, new TextSpan(doc.TokenSpan(verb).Start, 0), EventCoderOptions.NullActorCode, null, [], MentionKind.Organization, "no actor");

    private static ActorMention? InMention(List<ActorMention> mentions, int token)
    {
        foreach (var m in mentions)
        {
            if (token >= m.FirstToken && token < m.EndToken) return m;
        }
        return null;
    }

    /// <summary>A pattern's "^": skips one noun phrase (determiners, then an actor or one word) from <paramref name="from"/>.</summary>
    private static int SkipPhrase(Document doc, Sentence s, int from, List<ActorMention> mentions)
    {
        int k = from;
        while (k < s.EndToken && doc.Word(k) is "the" or "a" or "an" or "its" or "their" or "his" or "her" or "The") k++;
        if (k >= s.EndToken) return k;
        var m = InMention(mentions, k);
        return m is not null ? m.EndToken : k + 1;
    }

    private int FindWord(Document doc, Sentence s, int from, string patternWord, List<ActorMention> mentions, Span<char> lower,
        bool adjacent = false, bool exact = false)
    {
        int gap = _options.WideGaps ? WideGap : Gap;
        int limit = Math.Min(s.EndToken, from + (adjacent ? 1 : gap + 1));
        for (int k = from; k < limit; k++)
        {
            var w = doc.Word(k);
            if (w.Length > lower.Length) continue;
            int n = w.AsSpan().ToLowerInvariant(lower);
            if (_patterns.WordMatches(patternWord, lower[..n], exact)) return k;
            if (IsClauseBreak(w) && !(_options.WideGaps && w is "that")) return -1;
            if (InMention(mentions, k) is { } m)
            {
                // skip over an actor only when the pattern word is not a preposition (the actor would be the target)
                if (VerbPatternSet.Prepositions.Contains(patternWord)) return -1;
                k = m.EndToken - 1;
                limit = Math.Min(s.EndToken, m.EndToken + gap + 1);
            }
        }
        return -1;
    }

    private static bool IsClauseBreak(string w) => w is "," or ";" or ":" or "." or "--" or "\u2014" or "(" or ")" or "that" or "which" or "who";

    /// <summary>
    /// The target actors: the first actor after the pattern words that belongs to the verb's own phrase (from the parse:
    /// its objects and their modifiers, "welcomed the resumption of ties with Osgiliath", not a clause of its own; without
    /// a parse: before any clause break), plus actors coordinated with it. A place ("in Brussels") is skipped unless
    /// <paramref name="places"/> (a visit's host) or the pattern names its preposition.
    /// </summary>
    private List<ActorMention> ObjectsAfter(Document doc, Sentence s, int from, List<ActorMention> mentions, int verb = -1,
        bool wide = false, bool places = false)
    {
        var result = new List<ActorMention>(2);
        ActorMention? first = null, place = null;
        var syn = doc.Syntax;
        bool parsed = verb >= 0 && syn is not null && syn.Parsed[verb];
        foreach (var m in mentions)
        {
            if (m.FirstToken < from) continue;
            // "will meet at Gleneagles in Scotland": a place is where the act happens, not its target (a preposition
            // the pattern names, "invest in OBJ", stands before `from` and does not count)
            if (!places && (LocativeBefore(doc, s, m) >= from || JoinedTo(doc, place, m)))
            {
                place = m; // "dictatorships in Russia and Germany": the places joined to a place are places too
                continue;
            }
            if (parsed)
            {
                if (InPhraseOf(doc, s, m, verb))
                {
                    if (!_options.WideGaps && ModifiesDeeperNoun(doc, s, m, verb, from - 1, mentions)) break;
                    first = m;
                    break;
                }
                if (!AdjacentObject(doc, from, m) && !(wide && NoBreakBetween(doc, from, m, WideGap))) continue;
                // the parse may be wrong ("praised South Korea" read as a noun phrase): an actor right after the pattern words
                first = m;
                break;
            }
            // Words between the pattern and the actor must not break the clause ("the", "its", "neighbouring" are fine).
            bool ok = m.FirstToken - from <= 8;
            for (int k = from; ok && k < m.FirstToken; k++)
            {
                if (IsClauseBreak(doc.Word(k))) ok = false;
            }
            if (ok) first = m;
            break;
        }
        if (first is null) return result;
        result.Add(first);
        AddCoordinated(doc, s, first, mentions, result);
        return result;
    }

    /// <summary>
    /// An actor that only modifies a noun which is no actor and not the verb's own object ("help deal with Japan's
    /// massive public debt", "defended plans to end the EU's arms embargo"): the act is not done to it. An actor
    /// modifying the verb's object ("backed Ukraine's entry", "criticised Russia's invasion"), or the object of the
    /// pattern's last word ("refuses to recognise Israel's right"), stays the target. No later actor is taken instead.
    /// </summary>
    private static bool ModifiesDeeperNoun(Document doc, Sentence s, ActorMention m, int verb, int lastPatternWord, List<ActorMention> mentions)
    {
        var syn = doc.Syntax!;
        int r = m.HeadToken;
        for (int k = m.FirstToken; k < m.EndToken; k++)
        {
            int h0 = syn.Head[k];
            if (h0 < m.FirstToken || h0 >= m.EndToken) { r = k; break; }
        }
        if (syn.Rel[r] is not ("nmod:poss" or "amod" or "compound")) return false;
        int n = syn.Head[r];
        // "beat Italian Roberta Vinci": a nationality before a name describes the named one
        if (n < s.FirstToken || n >= s.EndToken || n == verb || syn.Upos[n] == "PROPN" || InMention(mentions, n) is not null) return false;
        // the object of the pattern's last word counts as the verb's own ("refuses to recognise Israel's right")
        // ... and so does the object of the pattern's preposition ("called for reform of the EU's stability pact")
        return syn.Head[n] != verb && syn.Head[n] != lastPatternWord
            && !(lastPatternWord > verb && syn.Head[lastPatternWord] == n);
    }

    /// <summary>Whether <paramref name="m"/> follows <paramref name="prev"/> with only "and", "or", commas and "the" between.</summary>
    private static bool JoinedTo(Document doc, ActorMention? prev, ActorMention m)
    {
        if (prev is null || m.FirstToken <= prev.EndToken || m.FirstToken - prev.EndToken > 3) return false;
        for (int k = prev.EndToken; k < m.FirstToken; k++)
        {
            if (doc.Word(k) is not ("and" or "or" or "," or "the")) return false;
        }
        return true;
    }

    /// <summary>An actor at most <paramref name="gap"/> words after <paramref name="from"/> with no clause break or verb between.</summary>
    private static bool NoBreakBetween(Document doc, int from, ActorMention m, int gap)
    {
        if (m.FirstToken - from > gap) return false;
        var syn = doc.Syntax!;
        for (int k = from; k < m.FirstToken; k++)
        {
            if (IsClauseBreak(doc.Word(k)) || syn.Upos[k] is "AUX" || (syn.Upos[k] is "VERB" && !doc.Word(k).EndsWith("ing", StringComparison.Ordinal))) return false;
        }
        return true;
    }

    /// <summary>An actor at most two words after <paramref name="from"/>, with only determiners or adjectives between.</summary>
    private static bool AdjacentObject(Document doc, int from, ActorMention m)
    {
        if (m.FirstToken - from > 2) return false;
        var syn = doc.Syntax!;
        for (int k = from; k < m.FirstToken; k++)
        {
            if (syn.Upos[k] is not ("DET" or "ADJ" or "NUM")) return false;
        }
        return true;
    }

    /// <summary>
    /// The first actor (in text order) whose head lies in the subtree of <paramref name="root"/>, not inside a clause of
    /// its own (a path through a verb: "Lions, tigers, and Gondor welcomed ..." misparsed under "Lions").
    /// </summary>
    private static ActorMention? FirstUnder(Document doc, Sentence s, int root, List<ActorMention> mentions)
    {
        var syn = doc.Syntax!;
        foreach (var c in mentions)
        {
            if (c.FirstToken < s.FirstToken || c.FirstToken >= s.EndToken) continue;
            int cur = c.HeadToken;
            for (int steps = 0; steps < 24 && cur >= 0 && cur != root; steps++)
            {
                cur = syn.Head[cur];
                if (cur >= 0 && cur != root && syn.Upos[cur] is "VERB") { cur = -1; break; }
            }
            if (cur == root) return c;
        }
        return null;
    }

    /// <summary>A "to" infinitive or a participle: a clause that takes its subject from the verb above.</summary>
    private static bool IsNonFinite(Document doc, Sentence s, int v)
    {
        if (doc.Word(v).EndsWith("ing", StringComparison.Ordinal)) return true;
        return ChildWith(doc, s, v, "mark", "mark") is int k && k >= 0 && doc.Word(k) == "to";
    }

    /// <summary>Whether a mention hangs from the verb without passing through another clause (ccomp, advcl, relative clause, coordinated verb).</summary>
    private static bool InPhraseOf(Document doc, Sentence s, ActorMention m, int verb)
    {
        var syn = doc.Syntax!;
        // the mention's own head: the token of the mention whose head lies outside it
        int cur = m.HeadToken;
        for (int k = m.FirstToken; k < m.EndToken; k++)
        {
            int h = syn.Head[k];
            if (h < m.FirstToken || h >= m.EndToken) { cur = k; break; }
        }
        // "... burned down its embassy, a senior official said": an "appositive" followed by a verb without a subject
        // of its own is that verb's subject, misparsed
        if (syn.Rel[cur] == "appos" && m.EndToken < s.EndToken && syn.Upos[m.EndToken] is "VERB"
            && ChildWith(doc, s, m.EndToken, "nsubj", "nsubj:pass") < 0)
            return false;
        for (int steps = 0; steps < 24 && cur >= 0; steps++)
        {
            int h = syn.Head[cur];
            string rel = syn.Rel[cur];
            // "signed an accord to supply Gondor": a non-finite clause without a subject of its own belongs to the phrase
            bool open = rel is "advcl" or "acl" or "xcomp" && IsNonFinite(doc, s, cur) && ChildWith(doc, s, cur, "nsubj", "nsubj:pass") < 0;
            // "charged nine suppliers with helping Ahold": the reason's actors are not the charged
            if (open && ReasonGerund(doc, s, cur) >= 0) return false;
            if (h == verb) return open || rel is not ("nsubj" or "nsubj:pass" or "csubj" or "ccomp" or "advcl" or "parataxis" or "conj" or "acl:relcl" or "punct");
            if (h < s.FirstToken || h >= s.EndToken) return false;
            if (!open && rel is "ccomp" or "advcl" or "acl:relcl" or "parataxis" or "csubj") return false;
            if (rel == "conj" && syn.Upos[cur] is "VERB") return false;
            cur = h;
        }
        return false;
    }

    /// <summary>Adds actors joined to <paramref name="first"/> by "and", "or" or commas: "X met Y and Z".</summary>
    private static void AddCoordinated(Document doc, Sentence s, ActorMention first, List<ActorMention> mentions, List<ActorMention> result,
        int verb = -1)
    {
        var last = first;
        bool sawConjunction = false;
        // actors joined by a comma alone wait for the "and" that closes the list ("X, Y and Z"); without one, "Korsia,
        // the official news agency said" is no list
        int confirmed = result.Count;
        foreach (var m in mentions)
        {
            if (m.FirstToken <= last.FirstToken) continue;
            int gap = m.FirstToken - last.EndToken;
            if (gap < 1 || gap > 5) break;
            bool joined = false, conjunction = false;
            var syn = doc.Syntax;
            for (int k = last.EndToken; k < m.FirstToken; k++)
            {
                var w = doc.Word(k);
                if (w is "and" or "or" or "nor") joined = conjunction = true;
                else if (w is ",") joined = true;
                else if (w is "the" or "The" or "its" or "their" or "well" or "as") { }
                // "Fornost and the evil awful Gondor": adjectives before the next actor
                else if (joined && syn is not null && syn.Parsed[k] && char.IsLower(w[0]) && syn.Upos[k] is "ADJ" or "NOUN" or "ADV") { }
                else { joined = false; break; }
            }
            // a list has one "and": "between A and B, and C and D" is two pairs
            if (!joined || (conjunction && sawConjunction)) break;
            sawConjunction |= conjunction;
            // "If Russia attacks Ukraine, NATO will ...": an actor after a comma that is another clause's subject is not coordinated
            if (syn is not null && syn.Parsed[m.HeadToken] && syn.Rel[m.HeadToken] is "nsubj" or "nsubj:pass"
                && syn.Head[m.HeadToken] != (verb >= 0 ? verb : syn.Head[last.HeadToken])) break;
            result.Add(m);
            if (conjunction) confirmed = result.Count;
            last = m;
        }
        if (result.Count > confirmed)
        {
            // "Lesotho, Sri Lanka, and Bangladesh": the list goes on with "and" to a word that is no actor
            int k = last.EndToken;
            if (k < s.EndToken && doc.Word(k) == ",") k++;
            if (!(k < s.EndToken && doc.Word(k) is "and" or "or")) result.RemoveRange(confirmed, result.Count - confirmed);
        }
    }

    /// <summary>Actors joined to <paramref name="m"/> before it ("Japan and South Korea" when the parse heads the pair on Korea).</summary>
    private static void AddCoordinatedBefore(Document doc, ActorMention m, List<ActorMention> mentions, List<ActorMention> result)
    {
        int idx = mentions.IndexOf(m);
        int start = idx;
        bool sawConjunction = false;
        while (start > 0)
        {
            var prev = mentions[start - 1];
            int gap = mentions[start].FirstToken - prev.EndToken;
            if (gap < 1 || gap > 2) break;
            bool joined = false, conjunction = false;
            for (int k = prev.EndToken; k < mentions[start].FirstToken; k++)
            {
                var w = doc.Word(k);
                if (w is "and" or "or" or "nor") joined = conjunction = true;
                else if (w is ",") joined = true;
                else if (w is not ("the" or "The")) { joined = false; break; }
            }
            // a comma alone joins only inside a list that ends in "and" ("Mordor, Rohan and Bree"), not "If X attacks Y, Z ..."
            if (!joined || (!conjunction && !sawConjunction)) break;
            // "Japan criticized China, and it praised ...": the actor before is another verb's object, not coordinated
            var syn = doc.Syntax;
            if (syn is not null && syn.Parsed[prev.HeadToken] && syn.Rel[prev.HeadToken] is "obj" or "iobj" or "obl" or "nmod" or "ccomp" or "xcomp") break;
            sawConjunction |= conjunction;
            start--;
        }
        for (int i = start; i < idx; i++) result.Add(mentions[i]);
    }

    /// <summary>The source actors: from the parse (nsubj, inherited through xcomp/conj), else the nearest actor before the verb.</summary>
    private List<ActorMention> SubjectsOf(Document doc, Sentence s, int verb, List<ActorMention> mentions, bool parsed)
    {
        var result = new List<ActorMention>(2);
        if (parsed)
        {
            var syn = doc.Syntax!;
            int v = verb;
            for (int hops = 0; hops < 4 && v >= 0; hops++)
            {
                int subj = ChildWith(doc, s, v, "nsubj", "nsubj:pass");
                string rel = syn.Rel[v];
                if (subj >= 0)
                {
                    var m = MentionAt(doc, s, subj, mentions);
                    if (m is not null)
                    {
                        AddCoordinatedBefore(doc, m, mentions, result);
                        result.Add(m);
                        AddCoordinated(doc, s, m, mentions, result, v);
                        // "Ithilen's sheep and goats of Gondor warned": the actor of a coordinated subject noun
                        AddConjunctActors(doc, s, subj, v, mentions, result);
                        AddOtherSubjects(doc, s, subj, v, mentions, result);
                        return result;
                    }
                    var sw = doc.Word(subj);
                    // "The lions and the evil awful Gondor welcomed": actors coordinated with a subject that is none
                    AddConjunctActors(doc, s, subj, v, mentions, result);
                    if (result.Count > 0) return result;
                    AddOtherSubjects(doc, s, subj, v, mentions, result);
                    if (result.Count > 0) return result;
                    if (_options.NounPhraseSubjects && !IsPronoun(sw))
                    {
                        // "Resumption of ties between Arnor and Gondor may spur ...": PETRARCH takes the actors inside the subject phrase
                        var inside = FirstUnder(doc, s, subj, mentions);
                        if (inside is not null)
                        {
                            result.Add(inside);
                            AddCoordinated(doc, s, inside, mentions, result);
                            return result;
                        }
                    }
                    if (syn.Upos[subj] is "NOUN" or "PROPN" && subj < verb && !IsPronoun(sw))
                    {
                        // a subject the parse found but that is no actor ("Thursday" in "Arnor on Thursday signed"):
                        // an actor right before it in the same clause is taken
                        var near = NearestBefore(doc, s, subj + 1, mentions);
                        if (near is not null && near.EndToken <= subj
                            && (IsTimeWord(sw) || syn.Rel[near.HeadToken] is "obl" or "nmod" or "obl:tmod" or "nsubj" or "compound" or "amod"))
                        {
                            result.Add(near);
                            return result;
                        }
                    }
                    if (sw is "who" or "which" or "that")
                    {
                        // "the minister, who visited Seoul": the relative clause's subject is the noun it modifies
                        // (from the parse, or the actor right before ", who").
                        var h = rel == "acl:relcl" ? MentionAt(doc, s, syn.Head[v], mentions) : null;
                        if (h is null && subj - 2 >= s.FirstToken && doc.Word(subj - 1) == ",") h = InMention(mentions, subj - 2);
                        if (h is null && subj - 1 >= s.FirstToken) h = InMention(mentions, subj - 1);
                        if (h is not null) result.Add(h);
                        return result;
                    }
                    if (sw is "We" or "we" or "I")
                    {
                        // "'We condemn Russia,' the German chancellor said": the speaker of the quote
                        var speaker = Speaker(doc, s, mentions);
                        if (speaker is not null) result.Add(speaker);
                        return result;
                    }
                    if (IsPronoun(sw) && rel is "root" && t_previousSubject is { } prevSubj && (s.FirstToken == subj || subj == s.FirstToken + 1))
                    {
                        // "Germany sent aid to Ukraine. It also criticized Russia.": a sentence-initial pronoun is the previous sentence's subject
                        result.Add(prevSubj with { FirstToken = subj, TokenCount = 1, Span = doc.TokenSpan(subj), HeadToken = subj });
                        return result;
                    }
                    // "Ethiopia indicated it would act": a pronoun subject stands for the subject of the clause above.
                    if (!IsPronoun(sw) || rel is not ("ccomp" or "xcomp" or "advcl" or "conj" or "parataxis")) return result;
                    v = syn.Head[v];
                    continue;
                }
                // xcomp and conj share the subject of the verb above; a ccomp, advcl or parataxis without a subject is a
                // parse error (they have their own), so word order decides below
                if (rel is "xcomp" or "conj" || (rel is "advcl" && hops == 0 && IsNonFinite(doc, s, v))) v = syn.Head[v];
                else if (rel is "acl:relcl" or "acl")
                {
                    // "the minister, who visited Seoul": the relative clause's subject is the noun it modifies.
                    var m = MentionAt(doc, s, syn.Head[v], mentions);
                    if (m is not null)
                    {
                        result.Add(m);
                        AddCoordinated(doc, s, m, mentions, result, v);
                    }
                    return result;
                }
                else break;
            }
            if (result.Count > 0) return result;
        }
        // Word order: the nearest actor before the verb that is not inside a prepositional phrase.
        ActorMention? best = null;
        foreach (var m in mentions)
        {
            if (m.EndToken > verb) break;
            if (m.FirstToken > s.FirstToken && IsPreposition(doc.Word(m.FirstToken - 1)) ) continue;
            if (InRelativeClause(doc, s, m)) continue;
            best = m;
        }
        if (best is null)
        {
            // "Germany sent aid to Ukraine. It also criticized Russia.": a sentence-initial pronoun is the previous event's source
            if (t_previousSubject is { } prev && verb - s.FirstToken <= 2 && IsPronoun(doc.Word(s.FirstToken)))
                result.Add(prev with { FirstToken = s.FirstToken, TokenCount = 1, Span = doc.TokenSpan(s.FirstToken), HeadToken = s.FirstToken });
            return result;
        }
        // Include actors coordinated before it: "The United States and Mexico".
        int idx = mentions.IndexOf(best);
        int start = idx;
        while (start > 0)
        {
            var prev = mentions[start - 1];
            int gap = mentions[start].FirstToken - prev.EndToken;
            if (gap < 1 || gap > 2) break;
            bool joined = false;
            for (int k = prev.EndToken; k < mentions[start].FirstToken; k++)
            {
                var w = doc.Word(k);
                if (w is "and" or "," or "or") joined = true;
                else if (w is not ("the" or "The")) { joined = false; break; }
            }
            if (!joined) break;
            start--;
        }
        for (int i = start; i <= idx; i++) result.Add(mentions[i]);
        return result;
    }

    /// <summary>
    /// Adds the actors of nouns coordinated with the subject noun <paramref name="subj"/> before the verb: the noun itself
    /// ("the lions and Gondor") or a name attached to it ("sheep and goats of Gondor").
    /// </summary>
    private void AddConjunctActors(Document doc, Sentence s, int subj, int verb, List<ActorMention> mentions, List<ActorMention> result)
    {
        var syn = doc.Syntax!;
        for (int k = subj + 1; k < verb && k < s.EndToken; k++)
        {
            if (syn.Head[k] != subj || syn.Rel[k] != "conj" || syn.Upos[k] is not ("NOUN" or "PROPN")) continue;
            var c = MentionAt(doc, s, k, mentions);
            if (c is null || c.EndToken > verb || result.Contains(c)) continue;
            result.Add(c);
        }
    }

    /// <summary>
    /// The parse may read a coordinated subject as two subjects of the verb ("X's farmers and the soldiers of Y
    /// praised"): the actors of the verb's other subjects before it.
    /// </summary>
    private void AddOtherSubjects(Document doc, Sentence s, int subj, int verb, List<ActorMention> mentions, List<ActorMention> result)
    {
        var syn = doc.Syntax!;
        for (int k = s.FirstToken; k < verb; k++)
        {
            if (k == subj || syn.Head[k] != verb || syn.Rel[k] is not ("nsubj" or "nsubj:pass")) continue;
            // only a pair joined by a conjunction with no verb between ("X met with Y to discuss" is another misparse)
            bool joined = false;
            for (int j = Math.Min(subj, k) + 1; j < Math.Max(subj, k); j++)
            {
                if (syn.Upos[j] is "VERB" or "AUX") { joined = false; break; }
                if (doc.Word(j) is "and" or "or" or "nor") joined = true;
            }
            if (!joined) continue;
            var other = MentionAt(doc, s, k, mentions);
            if (other is null || result.Contains(other)) continue;
            result.Add(other);
            AddCoordinated(doc, s, other, mentions, result, verb);
        }
    }

    private static ActorMention? NearestBefore(Document doc, Sentence s, int end, List<ActorMention> mentions)
    {
        ActorMention? best = null;
        foreach (var m in mentions)
        {
            if (m.EndToken > end) break;
            if (m.FirstToken >= s.FirstToken) best = m;
        }
        if (best is null) return null;
        for (int k = best.EndToken; k < end; k++)
        {
            if (IsClauseBreak(doc.Word(k))) return null;
        }
        return best;
    }

    /// <summary>The actor subject of a speech verb ("said", "told", "added") in the sentence.</summary>
    private ActorMention? Speaker(Document doc, Sentence s, List<ActorMention> mentions)
    {
        var syn = doc.Syntax!;
        for (int k = s.FirstToken; k < s.EndToken; k++)
        {
            if (syn.Lemma[k] is not ("say" or "tell" or "add" or "declare" or "insist" or "state")) continue;
            int subj = ChildWith(doc, s, k, "nsubj", "nsubj");
            if (subj < 0) continue;
            var m = MentionAt(doc, s, subj, mentions);
            if (m is not null) return m;
        }
        return null;
    }

    /// <summary>Whether a mention sits in a ", who ..." / ", which ..." clause (back to the last comma).</summary>
    private static bool InRelativeClause(Document doc, Sentence s, ActorMention m)
    {
        for (int k = m.FirstToken - 1; k >= s.FirstToken; k--)
        {
            var w = doc.Word(k);
            if (w is "," or ";") return false;
            if (w is "who" or "which" or "whom") return true;
        }
        return false;
    }

    private static bool IsTimeWord(string w) => w is "Monday" or "Tuesday" or "Wednesday" or "Thursday" or "Friday" or "Saturday"
        or "Sunday" or "today" or "yesterday" or "week" or "month" or "year" or "weekend" or "night" or "morning" or "evening";

    private static bool IsPronoun(string w) => w is "he" or "she" or "it" or "they" or "we" or "I" or "He" or "She" or "It" or "They" or "We";

    /// <summary>
    /// "Arnor believes Dagolath can cope": when the verb has no object actor, the actors of its complement clause
    /// (the clause subject; with TABARI-style patterns, else the first actor in the clause).
    /// </summary>
    private List<ActorMention> ComplementActors(Document doc, Sentence s, int verb, List<ActorMention> mentions)
    {
        var result = new List<ActorMention>(2);
        var syn = doc.Syntax!;
        int comp = ChildWith(doc, s, verb, "ccomp", "ccomp");
        if (comp < 0) return result;
        int subj = ChildWith(doc, s, comp, "nsubj", "nsubj:pass");
        var m = subj >= 0 ? MentionAt(doc, s, subj, mentions) : null;
        // "warned that campaigners could keep out people of a different colour": an actor deeper in the clause is not
        // the one warned or believed about; TABARI-style patterns take the first actor of the clause
        if (m is null && _options.WideGaps)
        {
            foreach (var c in mentions)
            {
                if (c.FirstToken <= verb || LocativeBefore(doc, s, c) >= 0) continue;
                int cur = c.HeadToken;
                for (int steps = 0; steps < 24 && cur >= 0 && cur != comp; steps++) cur = syn.Head[cur];
                if (cur == comp) { m = c; break; }
            }
        }
        if (m is null) return result;
        result.Add(m);
        AddCoordinated(doc, s, m, mentions, result);
        return result;
    }

    /// <summary>
    /// The locative preposition ("in", "at", "outside", ...) that makes a mention a place ("in Scotland", "at the
    /// embassy in Kabul"): its token index, or -1. Only the determiners and adjectives of the mention's phrase may stand
    /// between.
    /// </summary>
    private int LocativeBefore(Document doc, Sentence s, ActorMention m)
    {
        if (!_options.PlacesAreNotActors) return -1;
        var syn = doc.Syntax;
        bool parsed = syn is not null && syn.Parsed[m.FirstToken];
        for (int k = m.FirstToken - 1; k >= s.FirstToken && k >= m.FirstToken - 3; k--)
        {
            var w = doc.Word(k);
            if (w is "in" or "In" or "at" or "At" or "inside" or "outside" or "Outside" or "across" or "throughout" or "near" or "within" or "around")
                return k;
            if (w is "the" or "The") continue;
            if (parsed && syn!.Upos[k] is "ADJ" or "DET" or "NUM") continue;
            return -1;
        }
        return -1;
    }

    private static bool IsPreposition(string w) =>
        w is "in" or "In" or "to" or "with" or "from" or "of" or "at" or "on" or "by" or "against" or "for" or "between" or "into" or "over" or "about";

    /// <summary>The passive agent: the actor after "by".</summary>
    private List<ActorMention> AgentsOf(Document doc, Sentence s, int verb, List<ActorMention> mentions)
    {
        var result = new List<ActorMention>(2);
        for (int k = verb + 1; k < s.EndToken && k <= verb + 6; k++)
        {
            if (doc.Word(k) != "by") continue;
            foreach (var m in mentions)
            {
                // "attacked by muggers in Kenya": the agent is the object of "by", not a place after it
                if (m.FirstToken > k && m.FirstToken <= k + 3 && LocativeBefore(doc, s, m) < 0)
                {
                    result.Add(m);
                    AddCoordinated(doc, s, m, mentions, result);
                    return result;
                }
            }
        }
        return result;
    }

    private static int ChildWith(Document doc, Sentence s, int head, string rel1, string rel2)
    {
        var syn = doc.Syntax!;
        for (int k = s.FirstToken; k < s.EndToken; k++)
        {
            if (syn.Head[k] == head && (syn.Rel[k] == rel1 || syn.Rel[k] == rel2)) return k;
        }
        return -1;
    }

    /// <summary>The mention containing a token, or one attached to it (compound, nmod:poss, appos, amod), e.g. "Mexico's minister".</summary>
    private ActorMention? MentionAt(Document doc, Sentence s, int token, List<ActorMention> mentions)
    {
        var direct = InMention(mentions, token);
        if (direct is not null) return direct;
        var syn = doc.Syntax!;
        for (int k = s.FirstToken; k < s.EndToken; k++)
        {
            if (syn.Head[k] == token && syn.Rel[k] is "nmod:poss" or "compound" or "amod" or "appos" or "nmod" or "flat")
            {
                var m = InMention(mentions, k);
                // "newspapers in the UK" are not the UK
                if (m is not null && !(syn.Rel[k] == "nmod" && LocativeBefore(doc, s, m) >= 0)) return m;
            }
        }
        return null;
    }

    private static bool IsPassive(Document doc, Sentence s, int verb, bool parsed)
    {
        if (parsed)
        {
            if (ChildWith(doc, s, verb, "aux:pass", "nsubj:pass") >= 0 || IsReducedRelative(doc, s, verb)) return true;
            // a past participle with a by-agent and no object or subject of its own, wherever the parse hung it ("an
            // Iraqi civilian allegedly killed by UK troops" read as a conjunct)
            var syn = doc.Syntax!;
            return syn.Xpos[verb] == "VBN" && ChildWith(doc, s, verb, "obl:agent", "obl:agent") >= 0
                && ChildWith(doc, s, verb, "obj", "iobj") < 0 && ChildWith(doc, s, verb, "nsubj", "nsubj:pass") < 0;
        }
        for (int k = verb - 1; k >= s.FirstToken && k >= verb - 3; k--)
        {
            var w = doc.Word(k);
            if (w is "was" or "were" or "been" or "being" or "is" or "are" or "be" or "got" or "get" or "gets") return true;
            if (!w.EndsWith("ly", StringComparison.Ordinal) && w is not ("reportedly" or "allegedly" or "also" or "not")) return false;
        }
        return false;
    }

    /// <summary>
    /// A past participle modifying a noun ("rebels backed by Turkey", "people kidnapped by a militant group"): a
    /// passive whose subject is the noun (SubjectsOf reaches it through <c>acl</c>) and whose source is the by-agent.
    /// A participle with an object or a subject of its own is a misparsed active verb, and is left as it is.
    /// </summary>
    private static bool IsReducedRelative(Document doc, Sentence s, int verb)
    {
        var syn = doc.Syntax!;
        if (syn.Rel[verb] != "acl" || syn.Xpos[verb] != "VBN") return false;
        int h = syn.Head[verb];
        if (h < 0 || h > verb || syn.Upos[h] is not ("NOUN" or "PROPN" or "PRON")) return false;
        if (ChildWith(doc, s, verb, "obj", "iobj") >= 0 || ChildWith(doc, s, verb, "nsubj", "nsubj:pass") >= 0
            || ChildWith(doc, s, verb, "aux", "aux:pass") >= 0)
            return false;
        // without a by-agent, the noun must be an argument of another predicate: "X and the government warned at Y"
        // and ", a senior official said" are main verbs the parse hung on a noun
        if (ChildWith(doc, s, verb, "obl:agent", "obl:agent") >= 0) return true;
        int above = syn.Head[h];
        if (syn.Rel[h] is not ("nsubj" or "nsubj:pass" or "obj" or "iobj" or "obl" or "nmod") || above < 0 || syn.Upos[above] == "PUNCT")
            return false;
        // "X's advisor met with Y to discuss ...", parsed with the advisor as the subject of the infinitive: a subject
        // of a "to" infinitive is a misparse, and "met" the main verb
        for (int k = s.FirstToken; k < s.EndToken; k++)
        {
            if (syn.Head[k] == above && syn.Rel[k] == "mark" && doc.Word(k) is "to") return false;
        }
        return true;
    }

    /// <summary>
    /// A gerund after "for", "of" or "with" that gives the reason for an act done to an object ("charged nine
    /// suppliers with helping Ahold", "jailed a student for helping rebels", "praised France for helping Mali"):
    /// returns the verb of that act, or -1. The gerund's actor is the object, not the subject.
    /// </summary>
    private static int ReasonGerund(Document doc, Sentence s, int verb)
    {
        var syn = doc.Syntax!;
        if (syn.Rel[verb] is not ("advcl" or "acl") || !doc.Word(verb).EndsWith("ing", StringComparison.Ordinal)) return -1;
        int h = syn.Head[verb];
        if (h < s.FirstToken || h >= s.EndToken || h > verb) return -1;
        int mark = -1;
        for (int k = h + 1; k < verb; k++)
        {
            if (syn.Head[k] == verb && syn.Rel[k] is "mark" or "case" && doc.Word(k) is "for" or "of" or "with") { mark = k; break; }
        }
        if (mark < 0) return -1;
        // "jailed a student for helping": the gerund hangs on the object noun
        if (syn.Rel[verb] == "acl")
        {
            if (syn.Rel[h] is not ("obj" or "iobj")) return -1;
            h = syn.Head[h];
            return h >= 0 && syn.Upos[h] is "VERB" ? h : -1;
        }
        return syn.Upos[h] is "VERB" && ChildWith(doc, s, h, "obj", "iobj") >= 0 ? h : -1;
    }

    /// <summary>
    /// The appeal, demand, order or wish that governs a "to" infinitive: "X urged/asked/called on Y to do Z", "X wants
    /// Y to do Z", "pressure from X to do Z". Returns the governing word, or -1. Wishes count only with an object
    /// ("wants Y to"); "X wants to attack Y" is X's intent and coded as such.
    /// </summary>
    private static int ControllingAppeal(Document doc, Sentence s, int verb)
    {
        var syn = doc.Syntax!;
        if (syn.Rel[verb] is not ("xcomp" or "ccomp" or "advcl" or "acl")) return -1;
        int h = syn.Head[verb];
        if (h < s.FirstToken || h >= s.EndToken || h > verb) return -1;
        int mark = ChildWith(doc, s, verb, "mark", "mark");
        if (mark < 0 || doc.Word(mark) is not ("to" or "To")) return -1;
        switch (syn.Lemma[h])
        {
            case "ask" or "urge" or "call" or "press" or "pressure" or "push" or "demand" or "request" or "order" or "tell"
                or "instruct" or "encourage" or "invite" or "persuade" or "implore" or "beg" or "appeal" or "plead" or "exhort"
                or "lobby" or "petition" or "allow" or "permit" or "authorize" or "authorise" or "advise" or "command"
                or "direct" or "pressurise" or "pressurize" or "plea" or "permission":
                return h;
            case "want" or "wish" or "expect" or "need" or "like" or "prefer":
                // "wants Putin to attack": an object of the wish, or a subject the parse gave the infinitive
                return ChildWith(doc, s, h, "obj", "iobj") >= 0 || ChildWith(doc, s, verb, "nsubj", "nsubj") >= 0 ? h : -1;
            default:
                return -1;
        }
    }

    /// <summary>
    /// Acts that did not happen as reported: a condition ("if Russia attacks"), a possibility ("may send", "could
    /// attack"), or an act its governing verb denies or refuses ("denied attacking", "refused to meet": the governing
    /// verb's own pattern codes that).
    /// </summary>
    private static bool IsHypothetical(Document doc, Sentence s, int verb, out string cue)
    {
        var syn = doc.Syntax!;
        for (int k = s.FirstToken; k < s.EndToken; k++)
        {
            if (syn.Head[k] != verb) continue;
            var w = doc.Word(k);
            if (syn.Rel[k] == "mark" && w is "if" or "If" or "unless" or "Unless" or "whether")
            {
                cue = $"conditional ('{w}')";
                return true;
            }
            if (syn.Rel[k] == "aux" && w is "may" or "might" or "could" or "May" or "Might" or "Could")
            {
                cue = $"only possible ('{w}')";
                return true;
            }
        }
        int h = syn.Head[verb];
        if (h >= 0 && syn.Rel[verb] is "xcomp" or "ccomp" && syn.Lemma[h] is "deny" or "refuse" or "decline" or "reject" or "rule")
        {
            cue = $"governed by '{doc.Word(h)}'";
            return true;
        }
        cue = "";
        return false;
    }

    private static bool IsNegated(Document doc, Sentence s, int verb, bool parsed)
    {
        if (parsed)
        {
            var syn = doc.Syntax!;
            // "did not plan to pursue X": an infinitive under a negated verb is negated too
            for (int v = verb, hops = 0; v >= 0 && hops < 3; hops++)
            {
                for (int k = s.FirstToken; k < s.EndToken; k++)
                {
                    if (syn.Head[k] == v && syn.Rel[k] == "advmod" && doc.Word(k) is "not" or "n't" or "never" or "Not" or "Never") return true;
                }
                if (syn.Rel[v] != "xcomp") break;
                v = syn.Head[v];
            }
            return false;
        }
        for (int k = verb - 1; k >= s.FirstToken && k >= verb - 3; k--)
        {
            if (doc.Word(k) is "not" or "n't" or "never" or "Not" or "Never") return true;
        }
        return false;
    }

    private bool IsIntent(Document doc, Sentence s, int verb, bool parsed, out string marker)
    {
        var markers = _intents.Markers;
        if (parsed)
        {
            var syn = doc.Syntax!;
            for (int k = s.FirstToken; k < s.EndToken; k++)
            {
                if (syn.Head[k] == verb && syn.Rel[k] == "aux" && markers.Contains(doc.Word(k).ToLowerInvariant()))
                {
                    marker = doc.Word(k);
                    return true;
                }
            }
            int h = syn.Head[verb];
            if (syn.Rel[verb] == "xcomp" && h >= 0 && syn.Lemma[h] is { } lemma && markers.Contains(lemma))
            {
                marker = doc.Word(h);
                return true;
            }
            marker = "";
            return false;
        }
        Span<char> lower = stackalloc char[32];
        for (int k = verb - 1; k >= s.FirstToken && k >= verb - 3; k--)
        {
            var w = doc.Word(k);
            if (w.Length > lower.Length) break;
            int n = w.AsSpan().ToLowerInvariant(lower);
            var lw = lower[..n];
            if (lw is "will" or "shall" or "'ll" or "would")
            {
                marker = w;
                return true;
            }
            if (lw is "to" && k > s.FirstToken)
            {
                var prev = doc.Word(k - 1);
                foreach (var mk in markers)
                {
                    foreach (var form in Inflection.VerbForms(mk, _patterns.Irregular))
                    {
                        if (prev.Equals(form, StringComparison.OrdinalIgnoreCase))
                        {
                            marker = prev;
                            return true;
                        }
                    }
                }
                break;
            }
        }
        marker = "";
        return false;
    }

    /// <summary>
    /// The event's date: the publication date, unless the sentence places the act elsewhere with a date expression
    /// ("on Tuesday", "last week", "in 2017"); the expression nearest the verb wins, except those that only bound or
    /// describe something else ("since 2017", "until March", "for 1990", "after ...").
    /// </summary>
    private DateOnly? EventDate(Document doc, Sentence s, int verb)
    {
        var published = doc.Article.Published;
        if (!_options.SentenceDates || published is null) return published;
        var text = doc.Text.AsSpan(s.Span.Start, s.Span.Length);
        if (!MayHoldDate(text)) return published;
        if (WhenClauseYear(doc, s, verb) is { } then)
        {
            if (doc.Tracing) doc.Note(doc.SentenceOf(s.FirstToken), Name, $"background event: dated {then:yyyy-MM-dd} by the year its 'when' clause describes");
            return then;
        }
        var sentence = text.ToString();
        var mentions = new Text.Dates.DateResolver(published.Value).FindAll(sentence);
        if (mentions.Count == 0) return YearOf(doc, s, verb) ?? published;
        int verbAt = doc.TokenSpan(verb).Start - s.Span.Start;
        int best = -1, bestDistance = int.MaxValue;
        for (int i = 0; i < mentions.Count; i++)
        {
            var dm = mentions[i];
            var before = sentence.AsSpan(0, dm.Start).TrimEnd();
            int sp = before.LastIndexOf(' ');
            var prev = before[(sp + 1)..];
            if (prev is "since" or "Since" or "until" or "Until" or "for" or "after" or "before" or "by" or "from" or "of" or "than") continue;
            int distance = Math.Abs(dm.Start - verbAt);
            if (distance < bestDistance) { best = i; bestDistance = distance; }
        }
        if (best < 0) return published;
        var date = mentions[best].Date;
        if (doc.Tracing) doc.Note(doc.SentenceOf(s.FirstToken), Name, $"event dated {date} by '{mentions[best].Text}'");
        return date.Start;
    }

    /// <summary>
    /// Background told in a clause on a year: "no talks since 2017, when Washington halted the dialogue" dates the
    /// halt to 2017 (the year's first day, or the month's when a month name comes before the year), not to the
    /// publication date. The verb must follow the nearest "when" before it, and "when" must follow the year.
    /// </summary>
    private static DateOnly? WhenClauseYear(Document doc, Sentence s, int verb)
    {
        for (int k = verb - 1; k > s.FirstToken; k--)
        {
            // a clause break between "when" and the verb: the verb is in another clause ("..., when X did Y, Z did W")
            if (doc.Word(k) is "," or ";" or ":") return null;
            if (doc.Word(k) is not ("when" or "When")) continue;
            int j = k - 1;
            if (doc.Word(j) == "," && j > s.FirstToken) j--;
            var y = doc.Word(j);
            if (y.Length != 4 || !int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1900 || year > 2100) return null;
            int month = j > s.FirstToken ? MonthNumber(doc.Word(j - 1)) : 0;
            return new DateOnly(year, month == 0 ? 1 : month, 1);
        }
        return null;
    }

    private static int MonthNumber(string word)
    {
        for (int m = 0; m < MonthNames.Length; m++)
            if (word.Equals(MonthNames[m], StringComparison.Ordinal)) return m + 1;
        return 0;
    }

    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>"In 2017, Russia attacked Ukraine": a bare year after "in" dates the event to that year's first day.</summary>
    private static DateOnly? YearOf(Document doc, Sentence s, int verb)
    {
        var syn = doc.Syntax;
        for (int k = s.FirstToken; k + 1 < s.EndToken; k++)
        {
            if (doc.Word(k) is not ("in" or "In")) continue;
            var y = doc.Word(k + 1);
            if (y.Length != 4 || !int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1900 || year > 2100) continue;
            // with a parse, the year must modify the event verb
            if (syn is not null && syn.Parsed[k + 1] && syn.Head[k + 1] != verb) continue;
            return new DateOnly(year, 1, 1);
        }
        return null;
    }

    /// <summary>Cheap pre-check before running the date resolver: a digit, a relative cue or a month name.</summary>
    private static bool MayHoldDate(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAnyInRange('0', '9') >= 0 || text.Contains("day", StringComparison.Ordinal) || text.Contains("week", StringComparison.Ordinal)
            || text.Contains("month", StringComparison.Ordinal) || text.Contains("year", StringComparison.Ordinal)
            || text.Contains("ago", StringComparison.Ordinal) || text.Contains("night", StringComparison.Ordinal))
            return true;
        foreach (var m in MonthPrefixes)
        {
            if (text.Contains(m, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static readonly string[] MonthPrefixes = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Adds the event (one per code pair when codes are joined with '/'); returns how many.</summary>
    private int Emit(Document doc, int si, Sentence s, int verb, ActorMention src, ActorMention tgt, string code, string why,
        bool parsed, DateOnly? date, List<CodedEvent> found)
    {
        if (!_options.SplitCodes || (!src.Code.Contains('/') && !tgt.Code.Contains('/')))
        {
            found.Add(MakeEvent(doc, si, s, verb, src, tgt, code, why, parsed, date));
            return 1;
        }
        int n = 0;
        foreach (var sc in src.Code.Split('/'))
        {
            foreach (var tc in tgt.Code.Split('/'))
            {
                if (sc == tc) continue;
                found.Add(MakeEvent(doc, si, s, verb, src with { Code = sc }, tgt with { Code = tc }, code, why, parsed, date));
                n++;
            }
        }
        return n;
    }

    /// <summary>Whether <paramref name="pre"/> occurs before the verb, in order, the last word within a few tokens of it.</summary>
    private bool PreMatches(Document doc, Sentence s, int verb, VerbPattern p, List<ActorMention> mentions, Span<char> lower, out int firstAt)
    {
        var pre = p.Pre;
        int k = verb - 1;
        firstAt = verb;
        for (int i = pre.Length - 1; i >= 0; i--)
        {
            bool adjacent = i < p.PreAdjacent.Length && p.PreAdjacent[i];
            int limit = Math.Max(s.FirstToken, adjacent ? k : k - (_options.WideGaps ? WideGap : Gap));
            bool found = false;
            for (; k >= limit; k--)
            {
                var w = doc.Word(k);
                if (w.Length > lower.Length) continue;
                int n = w.AsSpan().ToLowerInvariant(lower);
                if (_patterns.WordMatches(pre[i], lower[..n], p.ExactWords && _options.ExactPatternWords))
                {
                    found = true;
                    firstAt = k;
                    k--;
                    break;
                }
                if (IsClauseBreak(w) && w is not ("that")) return false;
                if (InMention(mentions, k) is { } m)
                {
                    // TABARI-style patterns may have the subject between their words ("NEITHER X NOR Y *")
                    if (!_options.WideGaps) return false;
                    k = m.FirstToken;
                }
            }
            if (!found) return false;
        }
        return true;
    }

    private static CodedEvent MakeEvent(Document doc, int si, Sentence s, int verb, ActorMention src, ActorMention tgt, string code,
        string pattern, bool parsed, DateOnly? date)
    {
        var article = doc.Article;
        string articleId = article.OutputId;

        string key = string.Create(CultureInfo.InvariantCulture, $"{articleId}|{src.Code}|{tgt.Code}|{code}|{date:yyyy-MM-dd}");
        return new CodedEvent
        {
            EventId = XxHash64.HashUtf8(key).ToString("x16", CultureInfo.InvariantCulture),
            ArticleId = articleId,
            Date = date,
            Source = Actor(doc, src),
            Target = Actor(doc, tgt),
            Cameo = code,
            Sentence = si,
            SentenceText = doc.Text.Substring(s.Span.Start, s.Span.Length),
            VerbSpan = doc.TokenSpan(verb),
            Pattern = pattern,
            Confidence = parsed ? 0.9 : 0.7,
            Url = article.Url,
            Outlet = article.Outlet,
        };
    }

    private static EventActor Actor(Document doc, ActorMention m) =>
        new(m.Code, m.Country, m.Sectors, doc.Text.Substring(m.Span.Start, m.Span.Length), m.Span);

    /// <summary>
    /// One event per (source, target, code, date); later sentences add to its mention count. A report dated only by
    /// the publication date joins a report of the same act that its sentence dated ("attacked Ukraine on Thursday"),
    /// and takes that date.
    /// </summary>
    private static void Merge(Document doc, List<CodedEvent> found)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var published = doc.Article.Published;
        foreach (var e in found)
        {
            string dyad = string.Concat(e.Source.Code, "|", e.Target.Code, "|", e.Cameo);
            if (index.TryGetValue(e.EventId, out int i))
            {
                doc.Events[i] = doc.Events[i] with { Mentions = doc.Events[i].Mentions + 1 };
                continue;
            }
            if (index.TryGetValue(dyad, out int j))
            {
                var old = doc.Events[j];
                if (e.Date == published)
                {
                    doc.Events[j] = old with { Mentions = old.Mentions + 1 };
                    continue;
                }
                if (old.Date == published)
                {
                    // the earlier, undated report takes this report's date
                    doc.Events[j] = old with { Date = e.Date, EventId = e.EventId, Mentions = old.Mentions + 1 };
                    index[e.EventId] = j;
                    index[dyad] = j;
                    continue;
                }
            }
            index[e.EventId] = doc.Events.Count;
            index.TryAdd(dyad, doc.Events.Count);
            doc.Events.Add(e);
        }
    }
}
