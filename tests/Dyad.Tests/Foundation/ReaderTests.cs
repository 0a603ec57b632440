using System.Text;
using Dyad.Reading;
using Dyad.Tests.Support;

namespace Dyad.Tests.Foundation;

public class ReaderTests
{
    private static List<ReadResult> Read(params string[] paths) => new InputReader().Read(paths, null).ToList();

    [Fact]
    public void Plain_text_first_nonempty_line_is_the_headline()
    {
        var r = PlainTextReader.FromText("\n\nHeadline here\n\nBody one.\n\nBody two.", "x.txt", null);
        Assert.Equal("Headline here", r.Article!.Title);
        Assert.Contains("Body two.", r.Article.Body);
    }

    [Fact]
    public void A_single_line_is_body_without_headline()
    {
        var r = PlainTextReader.FromText("Russia attacked Ukraine.", "x.txt", null);
        Assert.Null(r.Article!.Title);
        Assert.Equal("Russia attacked Ukraine.", r.Article.Body);
    }

    [Fact]
    public void Folders_are_read_recursively_in_name_order_and_other_files_ignored()
    {
        using var dir = new TestPipeline.TempDir();
        dir.File("b/2.txt", "B\n\nBody b.");
        dir.File("a.txt", "A\n\nBody a.");
        dir.File("c", "C\n\nBody c.");
        dir.Bytes("photo.jpg", [0xFF, 0xD8, 0, 0]);
        var titles = Read(dir.Path).Select(r => r.Article!.Title!).ToArray();
        Assert.Equal(["A", "B", "C"], titles);
    }

    [Fact]
    public void A_folder_skips_corpus_notes_and_notes_xml_that_is_not_a_feed()
    {
        using var dir = new TestPipeline.TempDir();
        dir.File("a.txt", "A\n\nBody a.");
        dir.File("README.TXT", "About this corpus.");
        dir.File("LICENSE", "Terms.");
        dir.File("records.xml", "<?xml version=\"1.0\"?><Sentences><Sentence><Text>x</Text></Sentence></Sentences>");
        var results = Read(dir.Path);
        Assert.Equal(["A"], results.Where(r => r.Article is not null).Select(r => r.Article!.Title!).ToArray());
        var note = Assert.Single(results, r => r.Error is not null);
        Assert.True(note.IsWarning);
        Assert.Equal("DY026", note.Error!.Value.Code);
        Assert.EndsWith("records.xml", note.Error.Value.Where);
    }

    [Fact]
    public void A_non_feed_xml_named_on_the_command_line_is_an_error()
    {
        using var dir = new TestPipeline.TempDir();
        dir.File("records.xml", "<?xml version=\"1.0\"?><Sentences></Sentences>");
        var r = Assert.Single(Read(System.IO.Path.Combine(dir.Path, "records.xml")));
        Assert.False(r.IsWarning);
        Assert.NotNull(r.Error);
    }

    [Fact]
    public void A_date_in_the_file_name_is_the_publication_date()
    {
        using var dir = new TestPipeline.TempDir();
        var p = dir.File("2021-03-18-call.txt", "H\n\nBody.");
        Assert.Equal(new DateOnly(2021, 3, 18), Read(p)[0].Article!.Published);
    }

    [Fact]
    public void Json_lines_rows_become_articles_and_bad_rows_are_reported_by_line()
    {
        using var dir = new TestPipeline.TempDir();
        var p = dir.File("in.jsonl", """
            {"id": "a1", "title": "T1", "text": "Body 1.", "date": "2022-07-13", "url": "https://x.org/1", "outlet": "X"}
            {"id": "a2", "text": "Body 2.",
            [1, 2, 3]
            {"id": "a4", "title": "no text"}

            {"id": 5, "text": "Body 5.", "date": "July 13"}
            """);
        var rs = Read(p);
        Assert.Equal(5, rs.Count);
        Assert.Equal("a1", rs[0].Article!.OutputId);
        Assert.Equal(new DateOnly(2022, 7, 13), rs[0].Article!.Published);
        Assert.Equal("X", rs[0].Article!.Outlet);
        Assert.Equal($"{p}:2", rs[1].Error!.Value.Where);
        Assert.Equal("DY020", rs[1].Error!.Value.Code);
        Assert.Equal("DY021", rs[2].Error!.Value.Code);
        Assert.Equal("DY022", rs[3].Error!.Value.Code);
        Assert.Equal($"{p}:4", rs[3].Error!.Value.Where);
        Assert.True(rs[4].IsWarning);
        Assert.Equal("5", rs[4].Article!.OutputId);
        Assert.Equal($"{p}:6", rs[4].Error!.Value.Where);
    }

    [Fact]
    public void Empty_binary_invalid_utf8_and_missing_files_each_get_one_located_error()
    {
        using var dir = new TestPipeline.TempDir();
        var empty = dir.File("empty.txt", "");
        var binary = dir.Bytes("binary.txt", [0x48, 0x69, 0x00, 0x01, 0x02]);
        var latin1 = dir.Bytes("latin1.txt", Encoding.Latin1.GetBytes("Caf\u00e9 news\n\nBody."));
        var good = dir.File("good.txt", "Good\n\nBody.");
        var missing = Path.Combine(dir.Path, "missing.txt");
        var rs = Read(empty, binary, latin1, missing, good);
        Assert.Equal(5, rs.Count);
        Assert.Equal(("DY012", empty), (rs[0].Error!.Value.Code, rs[0].Error!.Value.Where));
        Assert.Equal(("DY013", binary), (rs[1].Error!.Value.Code, rs[1].Error!.Value.Where));
        Assert.Equal(("DY014", latin1), (rs[2].Error!.Value.Code, rs[2].Error!.Value.Where));
        Assert.Contains("offset 3", rs[2].Error!.Value.Message);
        Assert.Equal(("DY010", missing), (rs[3].Error!.Value.Code, rs[3].Error!.Value.Where));
        Assert.Equal("Good", rs[4].Article!.Title);
    }

    [Fact]
    public void A_50_MB_single_line_file_is_refused_without_stopping_the_run()
    {
        using var dir = new TestPipeline.TempDir();
        var big = Path.Combine(dir.Path, "big.txt");
        using (var f = File.Create(big))
        {
            var chunk = Encoding.ASCII.GetBytes(new string('a', 1 << 20));
            for (int i = 0; i < 50; i++) f.Write(chunk);
        }
        var good = dir.File("good.txt", "Good\n\nBody.");
        var rs = Read(big, good);
        Assert.Equal("DY016", rs[0].Error!.Value.Code);
        Assert.Equal(big, rs[0].Error!.Value.Where);
        Assert.Equal("Good", rs[1].Article!.Title);
    }

    [Fact]
    public void A_50_MB_json_line_is_skipped_and_the_next_row_read()
    {
        using var dir = new TestPipeline.TempDir();
        var p = Path.Combine(dir.Path, "big.jsonl");
        using (var f = File.Create(p))
        {
            f.Write(Encoding.ASCII.GetBytes("{\"id\":\"big\",\"text\":\""));
            var chunk = Encoding.ASCII.GetBytes(new string('a', 1 << 20));
            for (int i = 0; i < 50; i++) f.Write(chunk);
            f.Write(Encoding.ASCII.GetBytes("\"}\n{\"id\":\"ok\",\"text\":\"Body.\"}\n"));
        }
        var rs = Read(p);
        Assert.Equal(2, rs.Count);
        Assert.Equal("DY015", rs[0].Error!.Value.Code);
        Assert.Equal($"{p}:1", rs[0].Error!.Value.Where);
        Assert.Equal("ok", rs[1].Article!.OutputId);
    }

    [Fact]
    public void Standard_input_reads_plain_text_or_json_lines()
    {
        var plain = new InputReader { StandardInput = () => new MemoryStream(Encoding.UTF8.GetBytes("Head\n\nBody.")) };
        Assert.Equal("Head", plain.Read(["-"], null).Single().Article!.Title);
        var jsonl = new InputReader { StandardInput = () => new MemoryStream(Encoding.UTF8.GetBytes("{\"id\":\"s\",\"text\":\"Body.\"}\n")) };
        Assert.Equal("s", jsonl.Read(["-"], null).Single().Article!.OutputId);
    }
}
