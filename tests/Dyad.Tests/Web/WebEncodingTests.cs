using System.Text;
using Dyad.Reading.Web;
using static Dyad.Tests.Web.WebTestPages;

namespace Dyad.Tests.Web;

public class WebEncodingTests
{
    private static readonly Encoding Latin;

    static WebEncodingTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Latin = Encoding.GetEncoding(1252);
    }

    [Fact]
    public void FallsBackWhenTheDeclaredUtf8IsWrong()
    {
        byte[] bytes = Latin.GetBytes("<html><head><meta charset=\"utf-8\"></head><body><p>Le café du président, à Genève.</p></body></html>");

        string text = WebEncoding.Decode(bytes);

        Assert.Contains("café du président, à Genève", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PrefersValidUtf8OverADeclaredSingleByteCharset()
    {
        byte[] bytes = Utf8("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body><p>Zürich “quoted”</p></body></html>");

        Assert.Contains("Zürich “quoted”", WebEncoding.Decode(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void HonoursTheDeclaredCharsetWhenTheBytesAgree()
    {
        byte[] bytes = Encoding.GetEncoding("iso-8859-7").GetBytes("<html><head><meta charset=\"iso-8859-7\"></head><body>Αθήνα</body></html>");

        Assert.Contains("Αθήνα", WebEncoding.Decode(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void HonoursTheHttpCharsetAndTheByteOrderMark()
    {
        byte[] latin = Latin.GetBytes("naïve");
        byte[] bom = [0xEF, 0xBB, 0xBF, .. Utf8("naïve")];

        Assert.Equal("naïve", WebEncoding.Decode(latin, WebEncoding.CharsetFromContentType("text/html; charset=windows-1252")));
        Assert.Equal("naïve", WebEncoding.Decode(bom, "iso-8859-1"));
    }

    [Fact]
    public void NeverThrowsOnAnUnknownCharset()
    {
        byte[] bytes = Utf8("<meta charset=\"x-made-up-9\"><p>Señor</p>");

        Assert.Contains("Señor", WebEncoding.Decode(bytes), StringComparison.Ordinal);
        Assert.Contains("Se", WebEncoding.Decode(bytes, "utf-16"), StringComparison.Ordinal);
    }

    [Fact]
    public void ExtractsTextFromAPageWithAWrongCharset()
    {
        string html = SimplePage("Café", $"<p>Le café est fermé. {ArticleParagraph1}</p><p>{ArticleParagraph2}</p>", headExtra: "<meta charset=\"utf-8\">");

        HtmlArticleExtractor.Default.TryExtract(Latin.GetBytes(html), null, null, out var article, out _);

        Assert.Contains("Le café est fermé.", article.Text, StringComparison.Ordinal);
    }
}
