using Dyad.Evaluation;
using Dyad.Syntax;
using Dyad.Syntax.Training;
using Dyad.Tests.Support;

namespace Dyad.Tests.Syntax;

/// <summary>Trains tiny models on a slice of UD English EWT (developer data) and checks reproducibility and the
/// save/load round trip.</summary>
public sealed class TrainingSmokeTests : IDisposable
{
    private const string Ewt = "ud-english-ewt";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "dyad-syntax-" + Guid.NewGuid().ToString("N"));

    public TrainingSmokeTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Train => SharedData.Path(Ewt + "/en_ewt-ud-train.conllu")!;
    private static string Dev => SharedData.Path(Ewt + "/en_ewt-ud-dev.conllu")!;

    private string TrainTagger(string name, ulong seed = 7)
    {
        string path = Path.Combine(_dir, name);
        new TaggerTrainer { Iterations = 2, Seed = seed, MaxSentences = 400 }.Train(Train, null, path, TextWriter.Null);
        return path;
    }

    private string TrainParser(string name, ulong seed = 7)
    {
        string path = Path.Combine(_dir, name);
        new ParserTrainer { Iterations = 2, Seed = seed, MaxSentences = 400, JackknifeFolds = 2, TaggerIterations = 1 }
            .Train(Train, null, path, TextWriter.Null);
        return path;
    }

    [SharedDataFact(Ewt)]
    public void SameSeed_GivesIdenticalBytes()
    {
        Assert.Equal(File.ReadAllBytes(TrainTagger("t1.bin")), File.ReadAllBytes(TrainTagger("t2.bin")));
        Assert.Equal(File.ReadAllBytes(TrainParser("p1.bin")), File.ReadAllBytes(TrainParser("p2.bin")));
    }

    [SharedDataFact(Ewt)]
    public void TrainedModels_RoundTripWithIdenticalPredictions()
    {
        var train = Conllu.ReadFile(Train).GetRange(0, 400);
        var dev = Conllu.ReadFile(Dev).GetRange(0, 50);
        var (tagger, _, _) = new TaggerTrainer { Iterations = 2, Seed = 3 }.Build(train, null, null);
        var (parser, _) = new ParserTrainer { Iterations = 2, Seed = 3, JackknifeFolds = 0 }.Build(train, null, null);

        string tp = Path.Combine(_dir, "t.bin"), pp = Path.Combine(_dir, "p.bin");
        using (var f = File.Create(tp))
            Tagger.Save(f, [new("training-data", "slice")], tagger.ClassUpos, tagger.ClassXpos, tagger.XposNames.ToArray(),
                tagger.Weights, tagger.Weights2, tagger.Lexicon, tagger.Lemmatizer);
        using (var f = File.Create(pp))
            DependencyParser.Save(f, [new("training-data", "slice")], parser.LabelNames.ToArray(), parser.XposNames.ToArray(),
                parser.Weights);
        var tagger2 = Tagger.Load(tp);
        var parser2 = DependencyParser.Load(pp);
        Assert.Equal("slice", tagger2.Info["training-data"]);

        foreach (var s in dev)
        {
            var words = s.Words.Select(w => w.Form).ToArray();
            int n = words.Length;
            var (u1, x1, h1, r1) = (new UPos[n], new int[n], new int[n], new DepRel[n]);
            var (u2, x2, h2, r2) = (new UPos[n], new int[n], new int[n], new DepRel[n]);
            tagger.Tag(words, u1, x1);
            parser.Parse(words, u1, x1, h1, r1);
            tagger2.Tag(words, u2, x2);
            parser2.Parse(words, u2, x2, h2, r2);
            Assert.Equal(u1, u2);
            Assert.Equal(x1, x2);
            Assert.Equal(h1, h2);
            Assert.Equal(r1, r2);
            for (int i = 0; i < n; i++)
                Assert.Equal(tagger.Lemmatizer.Lemmatize(words[i], u1[i]), tagger2.Lemmatizer.Lemmatize(words[i], u2[i]));
            Assert.Equal(1, h1.Count(h => h == 0));
        }
    }

    [SharedDataFact(Ewt)]
    public void UdEvaluation_ScoresShippedModelsOnDevSlice()
    {
        var dev = Conllu.ReadFile(Dev).GetRange(0, 200);
        var report = new StringWriter();
        var predictions = new StringWriter();
        var scores = UdEvaluation.Evaluate(SyntaxModels.LoadDefault(), dev, report, predictions);
        var lines = report.ToString().TrimEnd('\n').Split('\n');
        Assert.Matches(@"^ud: upos \d+\.\d\d uas \d+\.\d\d las \d+\.\d\d tokens/s \d+$", lines[^1]);
        Assert.True(scores.Upos > 90, $"UPOS {scores.Upos}");
        Assert.True(scores.Uas > 75, $"UAS {scores.Uas}");
        Assert.True(scores.Las <= scores.Uas);
        var reread = Conllu.Read(new StringReader(predictions.ToString())).ToList();
        Assert.Equal(dev.Count, reread.Count);
        Assert.Equal(dev[0].Comments, reread[0].Comments);
    }
}
