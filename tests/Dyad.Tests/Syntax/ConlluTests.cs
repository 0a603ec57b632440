using Dyad.Syntax;

namespace Dyad.Tests.Syntax;

public sealed class ConlluTests
{
    private const string Sample =
        "# sent_id = t1\n" +
        "# text = They don't talk.\n" +
        "1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t4:nsubj\t_\n" +
        "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n" +
        "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n" +
        "4\ttalk\ttalk\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n" +
        "4.1\ttalk\ttalk\tVERB\tVB\t_\t_\t_\t4:conj\tCopyOf=4\n" +
        "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n" +
        "\n" +
        "# sent_id = t2\n" +
        "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t0:root\t_\n" +
        "\n";

    [Fact]
    public void Read_SkipsMultiwordAndEmptyNodesAsWords()
    {
        var sents = Conllu.Read(new StringReader(Sample)).ToList();
        Assert.Equal(2, sents.Count);
        var s = sents[0];
        Assert.Equal(["They", "do", "n't", "talk", "."], s.Words.Select(w => w.Form));
        Assert.Equal([4, 4, 4, 0, 4], s.Words.Select(w => w.Head));
        Assert.Equal("t1", s.Comment("sent_id"));
        Assert.Equal("They don't talk.", s.Comment("text"));
        Assert.Equal(2, s.OtherLines.Count);
        Assert.True(s.IsProjective());
    }

    [Fact]
    public void Write_RoundTripsCommentsAndSpecialLines()
    {
        var sents = Conllu.Read(new StringReader(Sample)).ToList();
        var w = new StringWriter();
        Conllu.Write(w, sents);
        Assert.Equal(Sample, w.ToString());
    }

    [Fact]
    public void Read_RejectsMalformedLines()
    {
        Assert.Throws<FormatException>(() => Conllu.Read(new StringReader("1\tonly\tthree\n\n")).ToList());
    }

    [Fact]
    public void IsProjective_DetectsCrossingArcs()
    {
        var s = new ConlluSentence();
        int[] heads = [3, 4, 0, 3];
        for (int i = 0; i < heads.Length; i++)
            s.Words.Add(new ConlluWord { Id = i + 1, Form = "w", Head = heads[i] });
        Assert.False(s.IsProjective());
    }

    [Fact]
    public void DepRels_ParseNamesAndUniversalParts()
    {
        Assert.Equal(DepRel.NsubjPass, DepRels.Parse("nsubj:pass"));
        Assert.Equal(DepRel.Nsubj, DepRels.Universal(DepRel.NsubjPass));
        Assert.Equal(DepRel.Nmod, DepRels.Parse("nmod:of"));
        Assert.Equal("obl:agent", DepRels.Name(DepRel.OblAgent));
        Assert.Equal(DepRel.Obl, DepRels.Universal(DepRel.OblTmod));
        Assert.Equal(UPos.PropN, UPosNames.Parse("PROPN"));
        Assert.Equal("SCONJ", UPosNames.Name(UPos.SConj));
    }
}
