using Dyad.Syntax;

namespace Dyad.Tests.Syntax;

/// <summary>The arcs the event coder relies on, checked with the shipped English models on hand-written sentences.</summary>
public sealed class SyntaxArcTests
{
    private static readonly SyntaxModels Models = SyntaxModels.LoadDefault();

    private sealed record Analysis(string[] Words, UPos[] Upos, string[] Lemmas, int[] Heads, DepRel[] Rels)
    {
        public int Index(string word, int occurrence = 0)
        {
            for (int i = 0; i < Words.Length; i++)
                if (Words[i] == word && occurrence-- == 0)
                    return i;
            throw new ArgumentException($"'{word}' is not in the sentence.");
        }

        /// <summary>Asserts that <paramref name="dependent"/> attaches to <paramref name="head"/> with <paramref name="rel"/>.</summary>
        public void AssertArc(string head, DepRel rel, string dependent)
        {
            int d = Index(dependent), h = Index(head);
            Assert.True(Heads[d] == h + 1 && Rels[d] == rel,
                $"expected {DepRels.Name(rel)}({head}, {dependent}) but got {DepRels.Name(Rels[d])}" +
                $"({(Heads[d] == 0 ? "ROOT" : Words[Heads[d] - 1])}, {dependent}) in: {Describe()}");
        }

        public void AssertRoot(string word)
        {
            int d = Index(word);
            Assert.True(Heads[d] == 0 && Rels[d] == DepRel.Root, $"expected root {word} in: {Describe()}");
        }

        private string Describe() => string.Join(" ", Words.Select((w, i) =>
            $"{w}/{UPosNames.Name(Upos[i])}<-{DepRels.Name(Rels[i])}-{(Heads[i] == 0 ? "ROOT" : Words[Heads[i] - 1])}"));
    }

    private static Analysis Analyze(string sentence)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int n = words.Length;
        var a = new Analysis(words, new UPos[n], new string[n], new int[n], new DepRel[n]);
        Models.Analyze(words, a.Upos, new int[n], a.Lemmas, a.Heads, a.Rels);
        return a;
    }

    [Fact]
    public void ActiveTransitive_SubjectAndObject()
    {
        var a = Analyze("Mexico criticized the United States on Tuesday .");
        a.AssertRoot("criticized");
        a.AssertArc("criticized", DepRel.Nsubj, "Mexico");
        a.AssertArc("criticized", DepRel.Obj, "States");
    }

    [Fact]
    public void Passive_SubjectAndAgent()
    {
        var a = Analyze("The talks were hosted by Qatar .");
        a.AssertRoot("hosted");
        a.AssertArc("hosted", DepRel.NsubjPass, "talks");
        a.AssertArc("hosted", DepRel.AuxPass, "were");
        a.AssertArc("hosted", DepRel.OblAgent, "Qatar");
        a.AssertArc("Qatar", DepRel.Case, "by");
    }

    [Fact]
    public void Coordination_OfSubjects()
    {
        var a = Analyze("The United States and Mexico resumed talks .");
        a.AssertRoot("resumed");
        a.AssertArc("resumed", DepRel.Nsubj, "States");
        a.AssertArc("States", DepRel.Conj, "Mexico");
        a.AssertArc("Mexico", DepRel.Cc, "and");
        a.AssertArc("resumed", DepRel.Obj, "talks");
    }

    [Fact]
    public void RelativeClause_OnSubject()
    {
        var a = Analyze("The minister , who visited Seoul last week , criticized the agreement .");
        a.AssertRoot("criticized");
        a.AssertArc("criticized", DepRel.Nsubj, "minister");
        a.AssertArc("minister", DepRel.AclRelcl, "visited");
        a.AssertArc("visited", DepRel.Nsubj, "who");
        a.AssertArc("visited", DepRel.Obj, "Seoul");
    }

    [Fact]
    public void ReportedSpeech_ClausalComplement()
    {
        var a = Analyze("Blinken said that Russia attacked Ukraine .");
        a.AssertRoot("said");
        a.AssertArc("said", DepRel.Nsubj, "Blinken");
        a.AssertArc("said", DepRel.Ccomp, "attacked");
        a.AssertArc("attacked", DepRel.Mark, "that");
        a.AssertArc("attacked", DepRel.Nsubj, "Russia");
        a.AssertArc("attacked", DepRel.Obj, "Ukraine");
    }

    [Fact]
    public void Tagger_TagsNewsSentence()
    {
        var a = Analyze("The president of France met Chinese leaders in Beijing on Monday .");
        UPos[] expected =
        [
            UPos.Det, UPos.Noun, UPos.Adp, UPos.PropN, UPos.Verb, UPos.Adj, UPos.Noun, UPos.Adp, UPos.PropN,
            UPos.Adp, UPos.PropN, UPos.Punct,
        ];
        Assert.Equal(expected, a.Upos);
    }

    [Theory]
    [InlineData("spoke", UPos.Verb, "VBD", "speak")]
    [InlineData("resumed", UPos.Verb, "VBD", "resume")]
    [InlineData("halted", UPos.Verb, "VBD", "halt")]
    [InlineData("met", UPos.Verb, "VBD", "meet")]
    [InlineData("said", UPos.Verb, "VBD", "say")]
    [InlineData("visited", UPos.Verb, "VBD", "visit")]
    [InlineData("talks", UPos.Noun, "NNS", "talk")]
    [InlineData("talks", UPos.Verb, "VBZ", "talk")]
    [InlineData("held", UPos.Verb, "VBN", "hold")]
    [InlineData("Said", UPos.Verb, "VBD", "say")]
    [InlineData("countries", UPos.Noun, "NNS", "country")]
    [InlineData("Qatar", UPos.PropN, "NNP", "Qatar")]
    public void Lemmatizer_HandlesEventVerbsAndNouns(string word, UPos upos, string xpos, string lemma) =>
        Assert.Equal(lemma, Models.Lemmatizer.Lemmatize(word, upos, xpos));

    [Fact]
    public void Models_CarryMetadataAndChecksums()
    {
        Assert.Equal("tagger", Models.Tagger.Info.Kind);
        Assert.Equal("parser", Models.Parser.Info.Kind);
        Assert.Contains("en_ewt-ud-train", Models.Tagger.Info["training-data"]);
        Assert.Contains("en_ewt-ud-train", Models.Parser.Info["training-data"]);
        Assert.Equal("2", Models.Parser.Info["feature-set"]);
        Assert.Equal(64, Models.Tagger.Info.Sha256.Length);
        Assert.Contains("root", Models.Parser.LabelNames);
    }

    [Fact]
    public void Parse_EmptySentence_DoesNothing()
    {
        Models.Analyze([], [], [], [], [], []);
    }

    [Fact]
    public void Analyze_IsSafeFromManyThreads()
    {
        var expected = Analyze("Blinken said that Russia attacked Ukraine .");
        var results = new Analysis[16];
        Parallel.For(0, results.Length, i => results[i] = Analyze("Blinken said that Russia attacked Ukraine ."));
        foreach (var r in results)
        {
            Assert.Equal(expected.Heads, r.Heads);
            Assert.Equal(expected.Rels, r.Rels);
        }
    }
}
