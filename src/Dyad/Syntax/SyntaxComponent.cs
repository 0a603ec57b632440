using Dyad.Coding;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Syntax;

/// <summary>
/// Tags, lemmatizes and parses the sentences that can yield an event: those with two actors of different codes and a
/// form of a pattern verb together with the other words one of its patterns needs. Other sentences are left unparsed (no event could come from them, so no output changes).
/// </summary>
public sealed class SyntaxComponent : IPipelineComponent
{
    private readonly SyntaxModels _models;
    private readonly VerbPatternSet _patterns;

    public SyntaxComponent(SyntaxModels models, VerbPatternSet? patterns = null, bool parseAll = false, bool oneActor = false)
    {
        _models = models;
        _patterns = patterns ?? VerbPatternSet.Default;
        ParseAll = parseAll;
        OneActor = oneActor;
    }

    /// <summary>Parse every sentence, not only those that can yield an event (for explain and evaluation).</summary>
    public bool ParseAll { get; }

    /// <summary>One actor can yield an event (the coder codes a missing actor as such: PETRARCH's require_dyad off).</summary>
    public bool OneActor { get; }

    public string Name => "syntax";

    /// <summary>Sentences parsed so far (all documents; for benchmarks).</summary>
    public long ParsedSentences => Interlocked.Read(ref _parsed);
    private long _parsed;
    public Annotation Requires => Annotation.Tokens | Annotation.Sentences | Annotation.Actors;
    public Annotation Provides => Annotation.PartOfSpeech | Annotation.Lemmas | Annotation.Dependencies;

    [ThreadStatic] private static Scratch? t_scratch;

    private sealed class Scratch
    {
        public UPos[] Upos = new UPos[128];
        public int[] Xpos = new int[128];
        public string[] Lemmas = new string[128];
        public int[] Heads = new int[128];
        public DepRel[] Rels = new DepRel[128];

        public readonly PatternWordMarks Marks = new();

        public void Ensure(int n)
        {
            if (Upos.Length >= n) return;
            int size = Math.Max(n, Upos.Length * 2);
            Upos = new UPos[size];
            Xpos = new int[size];
            Lemmas = new string[size];
            Heads = new int[size];
            Rels = new DepRel[size];
        }
    }

    public void Process(Document doc)
    {
        var layer = new SyntaxLayer(doc.TokenCount);
        doc.Syntax = layer;
        var scratch = t_scratch ??= new Scratch();
        int m = 0;
        var mentions = doc.Mentions;
        for (int si = 0; si < doc.Sentences.Count; si++)
        {
            var s = doc.Sentences[si];
            while (m < mentions.Count && mentions[m].FirstToken < s.FirstToken) m++;
            // An event needs a source and a target: two actors with different codes in the sentence, and a pattern verb.
            bool twoActors = OneActor && m < mentions.Count && mentions[m].FirstToken < s.EndToken;
            for (int k = m + 1; k < mentions.Count && mentions[k].FirstToken < s.EndToken; k++)
            {
                if (!string.Equals(mentions[k].Code, mentions[m].Code, StringComparison.Ordinal))
                {
                    twoActors = true;
                    break;
                }
            }
            if (!ParseAll && (!twoActors || !HasVerbCandidate(doc, s, scratch))) continue;
            Interlocked.Increment(ref _parsed);
            int n = s.TokenCount;
            scratch.Ensure(n);
            var words = doc.Words(s.FirstToken, n);
            _models.Analyze(words, scratch.Upos, scratch.Xpos, scratch.Lemmas, scratch.Heads, scratch.Rels);
            for (int i = 0; i < n; i++)
            {
                int t = s.FirstToken + i;
                layer.Upos[t] = UPosNames.Name(scratch.Upos[i]);
                layer.Xpos[t] = _models.Tagger.XposName(scratch.Xpos[i]);
                layer.Lemma[t] = scratch.Lemmas[i];
                layer.Head[t] = scratch.Heads[i] == 0 ? -1 : s.FirstToken + scratch.Heads[i] - 1;
                layer.Rel[t] = DepRels.Name(scratch.Rels[i]);
                layer.Parsed[t] = true;
            }
        }
        doc.MarkDone(Provides);
    }

    /// <summary>
    /// Whether the sentence has a form of a pattern verb together with all the other words of one of its patterns
    /// ("held" with "talks" for "hold talks with"); a verb whose patterns all need words the sentence lacks cannot fire.
    /// </summary>
    private bool HasVerbCandidate(Document doc, Sentence s, Scratch scratch)
    {
        var marks = scratch.Marks;
        marks.Mark(_patterns, doc, s);
        Span<char> lower = stackalloc char[64];
        bool found = false;
        for (int t = s.FirstToken; t < s.EndToken && !found; t++)
        {
            var w = doc.Word(t);
            if (w.Length > lower.Length || w.Length < 2) continue;
            int n = w.AsSpan().ToLowerInvariant(lower);
            found = _patterns.CouldMatch(lower[..n], marks.Present);
        }
        marks.Clear();
        return found;
    }
}
