using Dyad.Evaluation;
using Dyad.Tests.Support;

namespace Dyad.Tests.Web;

public class ExtractionBenchmarkTests
{
    private const string Benchmark = "article-extraction-scrapinghub";

    [SharedDataFact(Benchmark)]
    public void ScoresAboveTheFloorOnTheScrapinghubBenchmark()
    {
        var output = new StringWriter();

        var score = ExtractionEvaluation.Run(SharedData.Path(Benchmark)!, output, worst: 5);

        string last = output.ToString().TrimEnd().Split('\n')[^1];
        Assert.Matches(@"^extraction: precision \d\.\d{3} recall \d\.\d{3} f1 \d\.\d{3} pages 181$", last);
        Assert.Equal(181, score.Pages);
        Assert.True(score.F1 >= 0.95, $"F1 {score.F1:0.000} fell below the 0.95 floor\n{output}");
    }

    [Fact]
    public void ScoresShinglesLikeTheBenchmark()
    {
        // Identical text: all shingles match.
        Assert.Equal((1.0, 0.0, 0.0), ExtractionEvaluation.ShingleMatch("a b c d e", "a b c d e"));
        // Gold "a b c d e" has shingles abcd, bcde; prediction "a b c d x" has abcd, bcdx: tp 1, fp 1, fn 1, normalised.
        var (tp, fp, fn) = ExtractionEvaluation.ShingleMatch("a b c d e", "a b c d x");
        Assert.Equal(1.0 / 3, tp, 6);
        Assert.Equal(1.0 / 3, fp, 6);
        Assert.Equal(1.0 / 3, fn, 6);
        // Fewer than four tokens make one short shingle; punctuation separates tokens.
        Assert.Equal(new[] { "It", "s", "a_b", "42", "café" }, ExtractionEvaluation.Tokenize("It's a_b, 42 café!"));
        Assert.Equal((0.0, 0.0, 0.0), ExtractionEvaluation.ShingleMatch(string.Empty, "  "));
    }
}
