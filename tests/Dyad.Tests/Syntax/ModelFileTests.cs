using Dyad.Syntax;

namespace Dyad.Tests.Syntax;

public sealed class ModelFileTests
{
    private static byte[] Embedded(string file)
    {
        using var s = typeof(Tagger).Assembly.GetManifestResourceStream("dyad/models/" + file)!;
        var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    [Fact]
    public void EmbeddedModels_LoadFromStream()
    {
        var tagger = Tagger.Load(new MemoryStream(Embedded("tagger-en.bin")));
        var parser = DependencyParser.Load(new MemoryStream(Embedded("parser-en.bin")));
        Assert.Equal(tagger.XposNames, parser.XposNames);
        Assert.True(tagger.XposId("NNP") >= 0);
        Assert.Equal("NNP", tagger.XposName(tagger.XposId("NNP")));
    }

    [Fact]
    public void CorruptedPayload_FailsChecksum()
    {
        var bytes = Embedded("tagger-en.bin");
        bytes[^100] ^= 0x40;
        var ex = Assert.Throws<InvalidDataException>(() => Tagger.Load(new MemoryStream(bytes)));
        Assert.Contains("checksum", ex.Message);
    }

    [Fact]
    public void WrongKind_IsRejected()
    {
        var ex = Assert.Throws<InvalidDataException>(() => DependencyParser.Load(new MemoryStream(Embedded("tagger-en.bin"))));
        Assert.Contains("tagger", ex.Message);
    }

    [Fact]
    public void NotAModel_IsRejected()
    {
        Assert.Throws<InvalidDataException>(() => Tagger.Load(new MemoryStream("hello world, not a model"u8.ToArray())));
    }
}
