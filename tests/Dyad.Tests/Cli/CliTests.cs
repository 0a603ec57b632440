using System.Text.Json;
using Dyad.Cli;
using Dyad.Documents;
using Dyad.Storage;
using Dyad.Tests.Support;

namespace Dyad.Tests.Cli;

public class CliTests
{
    /// <summary>A scraped article written for this test: headline, photo credit, a pasted link card, comment counter.</summary>
    private const string ScrapedArticle = """
        Mexico and U.S. top diplomats discuss migration by phone

        Antony Blinken | Pool | Reuters

        Mexico and U.S. top diplomats discuss migration by phone

        Mexico Foreign Secretary Marcelo Ebrard spoke with Secretary of State Antony BlinkenAntony BlinkenChina condemns Japan over island dispute; Russia attacks Ukraine MORE on Thursday about migration.

        Japan praised Mexico for its help.

        Read More: Russia threatens Ukraine

        12 comments
        """;

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Dyad.Cli.Cli.Run(args, o, e, () => new MemoryStream());
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Code_codes_the_article_and_nothing_from_the_junk()
    {
        using var dir = new TestPipeline.TempDir();
        var p = dir.File("2021-03-18-scraped.txt", ScrapedArticle);
        var (code, output, _) = Run("code", p);
        Assert.Equal(0, code);
        var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var triples = events.Select(e => (e.GetProperty("source").GetProperty("code").GetString(), e.GetProperty("target").GetProperty("code").GetString(),
            e.GetProperty("cameo").GetString())).ToList();
        Assert.Contains(("JPN", "MEX", "051"), triples);
        Assert.Contains(triples, t => t.Item1!.StartsWith("MEX", StringComparison.Ordinal) && t.Item2!.StartsWith("USA", StringComparison.Ordinal) && t.Item3 == "040");
        // Nothing from the link card's teasers (China/Japan, Russia/Ukraine) or the Read More line.
        Assert.DoesNotContain(triples, t => t.Item1 is "CHN" or "RUS");
        foreach (var e in events)
        {
            Assert.DoesNotContain("MORE", e.GetProperty("sentence").GetString());
            Assert.Equal("2021-03-18", e.GetProperty("date").GetString());
            Assert.Matches("^[0-9a-f]{16}$", e.GetProperty("article_id").GetString());
            var span = e.GetProperty("spans").GetProperty("verb");
            Assert.True(span[0].GetInt32() < span[1].GetInt32());
            Assert.True(e.TryGetProperty("goldstein", out _));
            Assert.True(e.GetProperty("plover").TryGetProperty("event", out _));
            Assert.Equal(e.GetProperty("cameo").GetString()![..2], e.GetProperty("root").GetString());
        }
    }

    [Fact]
    public void Undated_articles_and_dates_after_the_knowledge_check_are_noted()
    {
        using var dir = new TestPipeline.TempDir();
        string undated = dir.File("a.txt", "Russia attacked Ukraine.");
        string old = dir.File("2020-05-01-b.txt", "Russia attacked Ukraine.");

        var (_, _, err) = Run("code", undated);
        Assert.Contains("1 articles had no publication date", err);

        (_, _, err) = Run("code", old);
        Assert.DoesNotContain("no publication date", err);
        Assert.DoesNotContain("last checked", err);

        (_, _, err) = Run("code", old, "--date", "2026-06-01");   // a file-name date wins over --date
        Assert.DoesNotContain("last checked", err);
        (_, _, err) = Run("code", undated, "--date", "2026-06-01");
        Assert.Contains("last checked", err);
        Assert.DoesNotContain("no publication date", err);
    }

    [Fact]
    public void Gdelt_rows_have_exactly_61_fields()
    {
        using var dir = new TestPipeline.TempDir();
        var p = dir.File("2021-03-18-scraped.txt", ScrapedArticle);
        var (code, output, _) = Run("code", p, "--format", "gdelt");
        Assert.Equal(0, code);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var f = row.Split('\t');
            Assert.Equal(61, f.Length);
            Assert.Equal("20210318", f[1]);
            Assert.Equal("202103", f[2]);
            Assert.Equal("2021", f[3]);
            Assert.Equal(f[26][..2], f[28]);
            Assert.Contains(f[29], new[] { "1", "2", "3", "4" });
            Assert.True(ulong.TryParse(f[0], out _));
            Assert.Equal(p, f[60]);
        }
        Assert.Equal(61, Dyad.Output.GdeltWriter.Columns.Length);
    }

    [Fact]
    public void Csv_has_a_header_and_quoted_sentences()
    {
        using var dir = new TestPipeline.TempDir();
        var p = dir.File("a.txt", "Head\n\nJapan praised Mexico, officials said.");
        var (code, output, _) = Run("code", p, "--format", "csv", "--date", "2020-01-02");
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("event_id,article_id,date,source_code", lines[0]);
        Assert.Contains("\"Japan praised Mexico, officials said.\"", lines[1]);
        Assert.Contains(",2020-01-02,", lines[1]);
    }

    [Fact]
    public void Out_writes_a_file_and_bad_options_are_usage_errors()
    {
        using var dir = new TestPipeline.TempDir();
        var p = dir.File("a.txt", "Head\n\nJapan praised Mexico.");
        var outFile = Path.Combine(dir.Path, "events.jsonl");
        Assert.Equal(0, Run("code", p, "--out", outFile).Code);
        Assert.Single(File.ReadAllLines(outFile));
        Assert.False(File.Exists(outFile + ".partial"));
        var (code, _, err) = Run("code", p, "--date", "18/03/2021");
        Assert.Equal(2, code);
        Assert.Contains("DY030", err);
        Assert.Equal(2, Run("code", p, "--format", "xml").Code);
    }

    [Fact]
    public void Bad_inputs_are_reported_the_rest_is_coded_and_the_exit_code_says_so()
    {
        using var dir = new TestPipeline.TempDir();
        dir.File("empty.txt", "");
        dir.Bytes("bin.txt", [1, 2, 0, 3]);
        dir.File("good.txt", "Head\n\nJapan praised Mexico.");
        dir.File("rows.jsonl", "{\"id\":\"r1\",\"text\":\"Egypt urged Israel to talk.\"}\nnot json\n");
        var (code, output, err) = Run("code", dir.Path);
        Assert.Equal(1, code);
        Assert.Contains("empty.txt: DY012", err);
        Assert.Contains("bin.txt: DY013", err);
        Assert.Contains("rows.jsonl:2: DY020", err);
        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Ingest_is_idempotent_and_events_lists_what_was_stored()
    {
        using var dir = new TestPipeline.TempDir();
        var db = Path.Combine(dir.Path, "t.db");
        dir.File("in/2021-03-18-a.txt", "Head A\n\nJapan praised Mexico.\n\nRussia attacked Ukraine.");
        dir.File("in/2021-03-19-b.txt", "Head B\n\nIndia held talks with China.");
        Assert.Equal(0, Run("ingest", Path.Combine(dir.Path, "in"), "--db", db).Code);
        var (code, _, err) = Run("ingest", Path.Combine(dir.Path, "in"), "--db", db);
        Assert.Equal(0, code);
        Assert.Contains("ingested 0 new articles (2 already stored)", err);
        using (var store = new EventStore(db))
        {
            Assert.Equal((2L, 3L), store.Counts());
        }
        var (c2, table, _) = Run("events", "--db", db, "--code", "19");
        Assert.Equal(0, c2);
        Assert.Contains("RUS", table);
        Assert.DoesNotContain("JPN", table);
        Assert.Contains("1 event(s)", table);
        var (c3, t3, _) = Run("events", "--db", db, "--source", "IND", "--from", "2021-03-19", "--to", "2021-03-19");
        Assert.Equal(0, c3);
        Assert.Contains("046", t3);
    }

    [Fact]
    public void Copies_of_one_wire_story_count_as_sources_of_one_event()
    {
        using var dir = new TestPipeline.TempDir();
        var db = Path.Combine(dir.Path, "t.db");
        const string story = "Japan praised South Korea on Thursday for its plan to compensate wartime laborers, officials said, in a step both governments called historic after years of dispute over the issue.";
        dir.File("wire.jsonl", string.Join('\n',
            $"{{\"id\":\"a\",\"title\":\"Japan praises Korea\",\"text\":\"{story}\",\"date\":\"2023-03-16\",\"outlet\":\"Wire One\"}}",
            $"{{\"id\":\"b\",\"title\":\"Japan praises Korea\",\"text\":\"{story} Copyright Two.\",\"date\":\"2023-03-16\",\"outlet\":\"Paper Two\"}}",
            $"{{\"id\":\"c\",\"title\":\"Japan praises Korea\",\"text\":\"{story}\",\"date\":\"2023-03-16\",\"outlet\":\"Paper Two\",\"url\":\"https://two.example/x\"}}"));
        Assert.Equal(0, Run("ingest", dir.Path, "--db", db).Code);
        using var store = new EventStore(db);
        Assert.Equal((2L, 1L), store.Counts()); // c has the same content as a: already stored
        var e = Assert.Single(store.Query(new EventQuery()));
        Assert.Equal(("JPN", "KOR"), (e.SourceCode, e.TargetCode));
        Assert.Equal(2, e.Articles);
        Assert.Equal(2, e.Sources);
    }

    [Fact]
    public void An_interrupted_batch_leaves_no_half_written_article()
    {
        using var dir = new TestPipeline.TempDir();
        var db = Path.Combine(dir.Path, "t.db");
        var doc = TestPipeline.Code("Japan praised Mexico.");
        using (var store = new EventStore(db))
        {
            store.BeginBatch();
            Assert.True(store.Add(doc));
            // no commit: the process dies here
        }
        using (var store = new EventStore(db))
        {
            Assert.Equal((0L, 0L), store.Counts());
            store.BeginBatch();
            Assert.True(store.Add(doc));
            Assert.False(store.Add(doc));
            store.CommitBatch();
            Assert.Equal((1L, 1L), store.Counts());
        }
    }

    [Fact]
    public void A_broken_feed_is_reported_once_with_its_path_and_item()
    {
        using var dir = new TestPipeline.TempDir();
        var feed = dir.File("bad.rss", "<rss><channel><item><title>x</title>");
        dir.File("good.txt", "Head\n\nJapan praised Mexico.");
        var (code, output, err) = Run("code", dir.Path);
        Assert.Equal(1, code);
        Assert.Contains($"{feed}#1: DY025: invalid XML", err);
        Assert.DoesNotContain("DY025: bad.rss:", err);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_missing_dictionary_folder_is_a_usage_error()
    {
        var (code, _, err) = Run("code", "-", "--dictionaries", "/nonexistent/dictionaries");
        Assert.Equal(2, code);
        Assert.Contains("/nonexistent/dictionaries: DY010", err);
    }

    [Fact]
    public void Imported_dictionaries_replace_or_add_to_our_own()
    {
        using var dir = new TestPipeline.TempDir();
        dir.File("dict/test.verbs.txt", "--- PRAISE  [051] ---\nPRAISE\n\n--- SCOLD  [111] ---\nSCOLD\n");
        dir.File("dict/test.actors.txt", "VELDORIA  [VEL]\n+VELDORIAN\n");
        dir.File("dict/test.agents.txt", "SOLDIER [~MIL]\n");
        var p = dir.File("a.txt", "Head\n\nVeldoria scolded Japan. Japan praised Veldoria. Japan criticized Mexico.");
        string dict = Path.Combine(dir.Path, "dict");
        var replace = Run("code", p, "--dictionaries", dict);
        Assert.Equal(0, replace.Code);
        // Replace: only Veldoria is known, so no event has two actors from their dictionary alone.
        Assert.DoesNotContain("\"MEX\"", replace.Out);
        var add = Run("code", p, "--dictionaries", dict, "--dictionaries-mode", "add");
        Assert.Equal(0, add.Code);
        Assert.Contains("\"cameo\":\"111\",\"root\"", add.Out);           // their verb SCOLD with their actor VEL
        Assert.Contains("\"code\":\"VEL\"", add.Out);
        Assert.Contains("\"code\":\"MEX\"", add.Out);                      // our pattern criticize, our actors
        Assert.Equal(2, Run("code", p, "--dictionaries", dict, "--dictionaries-mode", "merge").Code);
    }

    [SharedDataFact("petrarch/PETR.Validate.verbs.txt")]
    public void Code_with_petrarch_dictionaries()
    {
        using var dir = new TestPipeline.TempDir();
        var p = dir.File("a.txt", "Head\n\nJapan praised Mexico.");
        var (code, _, err) = Run("code", p, "--dictionaries", SharedData.Path("petrarch")!);
        Assert.True(code == 0, err);
    }

    [Fact]
    public void Explain_shows_removed_text_actors_and_the_rule()
    {
        var (code, output, _) = Run("explain", "Japan praised Mexico.\n© Getty Images", "--date", "2023-01-01");
        Assert.Equal(0, code);
        Assert.Contains("[photo-credit] © Getty Images", output);
        Assert.Contains("actor 'Japan' -> JPN", output);
        Assert.Contains("EVENT JPN -> MEX  051", output);
        Assert.Contains("rule: 051 SUBJ praise OBJ", output);
    }

    [Fact]
    public void Bench_prints_the_summary_line()
    {
        using var dir = new TestPipeline.TempDir();
        dir.File("a.txt", "Head\n\nJapan praised Mexico. Russia attacked Ukraine.");
        var (code, output, _) = Run("bench", dir.Path);
        Assert.Equal(0, code);
        var last = output.Trim().Split('\n')[^1];
        Assert.Matches(@"^bench: articles 1 sentences 3 seconds [0-9.]+ articles/s [0-9.]+ sentences/s [0-9.]+$", last);
    }
}
