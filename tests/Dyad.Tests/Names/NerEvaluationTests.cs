using Dyad.Actors.Names;
using Dyad.Evaluation;

namespace Dyad.Tests.Names;

/// <summary>The gold rules of <see cref="NerEvaluation"/> on small hand-written files in the GUM and Universal NER formats.</summary>
public sealed class NerEvaluationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "dyad-ner-" + Guid.NewGuid().ToString("N"));

    public NerEvaluationTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // one WebAnno TSV 3.2 token line: id, offsets, token, entity, infstat, salience, identity, centering, coref type, coref target
    private static string Row(string id, string token, string entity = "_", string identity = "_") =>
        $"{id}\t0-0\t{token}\t{entity}\t_\t_\t{identity}\t_\t_\t_\t";

    private void WriteGum()
    {
        var lines = new List<string> { "#FORMAT=WebAnno TSV 3.2", "", "", "#Text=U.S. President Donald Trump met Professor Cres Eastman in the United States ." };
        lines.Add(Row("1-1", "U.S.", "person[1]|place[2]", "Donald_Trump[1]|United_States[2]"));
        lines.Add(Row("1-2", "President", "person[1]", "Donald_Trump[1]"));
        lines.Add(Row("1-3", "Donald", "person[1]", "Donald_Trump[1]"));
        lines.Add(Row("1-4", "Trump", "person[1]", "Donald_Trump[1]"));
        lines.Add(Row("1-5", "met"));
        lines.Add(Row("1-6", "Professor", "person[3]"));
        lines.Add(Row("1-7", "Cres", "person[3]"));
        lines.Add(Row("1-8", "Eastman", "person[3]"));
        lines.Add(Row("1-9", "in"));
        lines.Add(Row("1-10", "the", "place[4]", "United_States[4]"));
        lines.Add(Row("1-11", "United", "place[4]", "United_States[4]"));
        lines.Add(Row("1-12", "States", "place[4]", "United_States[4]"));
        lines.Add(Row("1-13", "."));
        lines.Add("");
        lines.Add("#Text=Police said the Afghan team 's coach , Muslims and the Secretary of State left .");
        lines.Add(Row("2-1", "Police", "organization"));
        lines.Add(Row("2-2", "said"));
        lines.Add(Row("2-3", "the", "person[5]|organization[6]"));
        lines.Add(Row("2-4", "Afghan", "person[5]|organization[6]"));
        lines.Add(Row("2-5", "team", "person[5]|organization[6]"));
        lines.Add(Row("2-6", "'s", "person[5]|organization[6]"));
        lines.Add(Row("2-7", "coach", "person[5]"));
        lines.Add(Row("2-8", ","));
        lines.Add(Row("2-9", "Muslims", "person", "Muslims"));
        lines.Add(Row("2-10", "and"));
        lines.Add(Row("2-11", "the", "person[7]"));
        lines.Add(Row("2-12", "Secretary", "person[7]"));
        lines.Add(Row("2-13", "of", "person[7]"));
        lines.Add(Row("2-14", "State", "person[7]"));
        lines.Add(Row("2-15", "left"));
        lines.Add(Row("2-16", "."));
        lines.Add("");
        lines.Add("#Text=the police arrived .");
        lines.Add(Row("3-1", "the"));
        lines.Add(Row("3-2", "police"));
        lines.Add(Row("3-3", "arrived"));
        lines.Add(Row("3-4", "."));
        File.WriteAllLines(Path.Combine(_dir, "GUM_news_test.tsv"), lines);
    }

    [Fact]
    public void GoldNamesLeaveOutTitlesDeterminersCommonWordsAndGroups()
    {
        WriteGum();
        var output = new StringWriter();
        var scores = NerEvaluation.Run(_dir, output);
        // gold: LOC "U.S.", PER "Donald Trump", PER "Cres Eastman", LOC "United States"; not "Police" (a common word
        // opening the sentence), "the Afghan team 's coach" (lower-case head), "Muslims" (a group), "the Secretary of
        // State" (a title only)
        Assert.Equal(2, scores.ByType[(int)NameType.Person].Gold);
        Assert.Equal(0, scores.ByType[(int)NameType.Organization].Gold);
        Assert.Equal(2, scores.ByType[(int)NameType.Location].Gold);
        Assert.Equal(1.0, scores.All.F1, 3);
        Assert.Equal("ner: precision 1.000 recall 1.000 f1 1.000", output.ToString().TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public void UniversalNerFilesAreScoredBySpanAndType()
    {
        string path = Path.Combine(_dir, "sample.iob2");
        File.WriteAllLines(path,
        [
            "# newdoc id = one",
            "# text = Angela Merkel visited the World Bank in Washington .",
            "1\tAngela\tB-PER\t-\t-",
            "2\tMerkel\tI-PER\t-\t-",
            "3\tvisited\tO\t-\t-",
            "4\tthe\tO\t-\t-",
            "5\tWorld\tB-ORG\t-\t-",
            "6\tBank\tI-ORG\t-\t-",
            "7\tin\tO\t-\t-",
            "8\tWashington\tB-LOC\t-\t-",
            "9\t.\tO\t-\t-",
            "",
        ]);
        var scores = NerEvaluation.RunIob2(path, new StringWriter());
        Assert.Equal(3, scores.All.Gold);
        Assert.Equal(3, scores.All.Correct);
    }

    [Fact]
    public void MissingFolderIsReported()
    {
        Assert.Throws<DirectoryNotFoundException>(() => NerEvaluation.Run(Path.Combine(_dir, "absent"), new StringWriter()));
    }
}
