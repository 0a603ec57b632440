using Dyad.Documents;
using Dyad.Evaluation;
using Dyad.Interop.Petrarch;
using Dyad.Knowledge;
using Dyad.Tests.Support;

namespace Dyad.Tests.Petrarch;

/// <summary>The PETRARCH dictionary readers, on small dictionaries written here (made-up places and codes).</summary>
public class PetrarchImportTests
{
    private const string Verbs = """
        # a tiny verb dictionary in the PETRARCH format
        &ARMS_
        +ROCKETS
        +HEAVY_GUNS

        --- PRAISE  [051] ---
        PRAISE
        LAUD {LAUDS LAUDED LAUDING}

        --- SEND  [---] ---
        SEND
        - * &ARMS TO +  [072]
        - * ENVOYS TO +  [043]

        --- VISIT  [042:043] ---
        VISIT

        --- AGREE  [---] ---
        AGREE
        - % *  [030:030]
        - NOT_*  [111]
        """;

    private const string Actors = """
        # made-up countries
        VELDORIA  [VEL]
        +VELDORIAN
        KORSIA_   [KOR]
        MARRAN ISLANDS [MRI]
        THE_PRESIDENT_OF_VELDORIA
            [VELGOV 20000101-20101231]
            [VEL]
        TWIN CITIES [TWA/TWB]
        """;

    private const string Agents = """
        !OFFICER! = OFFICER, OFFICIAL
        SOLDIER [~MIL]
        GOVERNMENT {} [~GOV]
        POLICE!OFFICER! [~COP]
        RELIEF_GROUP [NGO~]
        """;

    private const string Discards = """
        # a sentence about sport is not politics
        FOOTBALL MATCH
        """;

    private static PetrarchDictionaries Dicts() => PetrarchDictionaries.FromText(Verbs, Actors, Agents, Discards);

    private static string[] Code(string text, DateOnly? date = null)
    {
        var doc = Dicts().CreateBuilder().Build().Process(new Article(null, text, date ?? new DateOnly(2005, 5, 5)));
        return doc.Events.Select(e => $"{e.Source.Code} {e.Target.Code} {e.Cameo}").Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void Reads_verb_blocks_patterns_and_synsets()
    {
        var info = Dicts().VerbInfo;
        Assert.Equal(4, info.Blocks);
        Assert.Equal(1, info.Synsets);
        // the block code of PRAISE for both its verbs; SEND's two patterns, one expanded over a two-member synset
        Assert.Contains(info.Patterns, p => p.Verb == "laud" && p.Code == "051");
        Assert.Equal(2, info.Patterns.Count(p => p.Verb == "send" && p.Code == "072"));
        Assert.Contains(info.Patterns, p => p.Verb == "send" && p.Code == "072" && p.Middle.SequenceEqual(["heavy", "guns", "to"]));
        var visit = Assert.Single(info.Patterns, p => p.Verb == "visit");
        Assert.Equal(("042", "043"), (visit.Code, visit.ReverseCode));
        Assert.Contains(info.Patterns, p => p.Verb == "agree" && p.CompoundSource);
        Assert.Contains(info.Patterns, p => p.Verb == "agree" && p.Pre.SequenceEqual(["not"]) && p.Code == "111");
        Assert.Equal(["lauds", "lauded", "lauding"], info.Forms["laud"]);
    }

    [Fact]
    public void Reads_actors_with_synonyms_and_dated_codes()
    {
        var actors = PetrarchActorReader.ReadActors(Actors.Split('\n'));
        var vel = actors.Single(a => a.Phrases[0].SequenceEqual(["veldoria"]));
        Assert.Contains(vel.Phrases, p => p.SequenceEqual(["veldorian"]));
        var pres = actors.Single(a => a.Phrases[0][0] == "the");
        Assert.Equal("VELGOV", pres.CodeOn(new DateOnly(2005, 1, 1)));
        Assert.Equal("VEL", pres.CodeOn(new DateOnly(2015, 1, 1)));
        Assert.Equal(new DateOnly(2030, 12, 31), PetrarchActorReader.ParseDate("301231"));
        Assert.Equal(new DateOnly(1991, 12, 26), PetrarchActorReader.ParseDate("911226"));
    }

    [Fact]
    public void Reads_agents_with_substitutions_and_plurals()
    {
        var agents = PetrarchActorReader.ReadAgents(Agents.Split('\n'));
        Assert.Contains(agents, a => a.Phrase.SequenceEqual(["soldiers"]) && a.Suffix == "MIL");
        Assert.Contains(agents, a => a.Phrase.SequenceEqual(["policeofficials"]) || a.Phrase.SequenceEqual(["police", "officials"]));
        Assert.DoesNotContain(agents, a => a.Phrase.SequenceEqual(["governments"]));
        Assert.Contains(agents, a => a.Phrase.SequenceEqual(["relief", "group"]) && a.Prefix == "NGO");
    }

    [Fact]
    public void Codes_with_the_imported_dictionaries()
    {
        Assert.Equal(["VEL KOR 051"], Code("Veldoria praised Korsia on Monday."));
        Assert.Equal(["VEL KOR 051"], Code("Veldoria lauded Korsia."));
        Assert.Equal(["VELMIL KOR 072"], Code("Veldorian soldiers sent heavy guns to Korsia."));
        Assert.Equal(["KOR VEL 043", "VEL KOR 042"], Code("Veldoria visited Korsia."));
        Assert.Equal(["KOR VEL 030", "VEL KOR 030"], Code("Veldoria and Korsia agreed."));
        Assert.Equal(["VELGOV KOR 051"], Code("The Veldoria government praised Korsia."));
        Assert.Equal(["NGOVEL KOR 051"], Code("A relief group Veldoria praised Korsia."));
    }

    [Fact]
    public void Dated_codes_follow_the_article_date()
    {
        Assert.Equal(["VELGOV KOR 051"], Code("The President of Veldoria praised Korsia.", new DateOnly(2005, 1, 1)));
        Assert.Equal(["VEL KOR 051"], Code("The President of Veldoria praised Korsia.", new DateOnly(2015, 1, 1)));
    }

    [Fact]
    public void Several_codes_of_one_phrase_give_one_event_each()
    {
        Assert.Equal(["TWA KOR 051", "TWB KOR 051"], Code("Twin Cities praised Korsia."));
    }

    [Fact]
    public void Discarded_sentences_give_no_events()
    {
        Assert.Empty(Code("Veldoria praised Korsia after the football match."));
    }

    [Fact]
    public void Converts_actors_and_agents_into_a_knowledge_base()
    {
        var d = Dicts();
        var converted = PetrarchKnowledge.Convert(d.Actors, d.Agents);
        Assert.Empty(KnowledgeBase.Validate(converted.Files));
        Assert.Contains(converted.Files, f => f.Path == "actors/countries-petrarch.tsv" && f.Text.Contains("VEL\tname\tVeldorian", StringComparison.Ordinal));
        Assert.Contains(converted.Files, f => f.Path == "actors/people-petrarch.tsv" && f.Text.Contains("\trole\tVELGOV\tactor\t2000-01-01\t2010-12-31", StringComparison.Ordinal));
        Assert.True(converted.Skipped > 0); // TWA/TWB and the NGO~ prefix agent have no Dyad form
        var doc = d.CreateKnowledgeBaseBuilder().Build().Process(new Article(null, "Veldoria praised Korsia.", new DateOnly(2005, 5, 5)));
        Assert.Contains(doc.Mentions, m => m.Code == "VEL");
    }

    [Fact]
    public void Dictionaries_add_to_Dyads_own()
    {
        var pipeline = Dicts().CreateCombinedBuilder().Build();
        var doc = pipeline.Process(new Article(null, "Veldoria praised Japan. Japan criticized Mexico.", new DateOnly(2023, 6, 19)));
        var events = doc.Events.Select(e => $"{e.Source.Code} {e.Target.Code} {e.Cameo}").ToArray();
        Assert.Contains("VEL JPN 051", events);   // their actor, a pattern both have
        Assert.Contains("JPN MEX 111", events);   // our actors and our pattern
    }

    [Fact]
    public void Evaluation_reads_records_and_prints_the_score_line()
    {
        const string xml = """
            <Validation><Sentences>
            <!-- a commented-out record is ignored: <Sentence date="20050101" id="X" category="DEMO"> -->
            <Sentence date="20050505" id="T-1" category="DEMO">
            <EventCoding sourcecode="VEL" targetcode="KOR" eventcode="051"></EventCoding>
            <Text>Veldoria praised
            Korsia.</Text>
            </Sentence>
            <Sentence date="20050505" id="T-2" category="VERB" evaluate="true"/>
            <EventCoding noevents="True"></EventCoding>
            <Text>Veldoria did nothing to Korsia.</Text>
            <Sentence date="20050505" id="T-3" category="VERB">
            <EventCoding sourcecode="KOR" targetcode="VEL" eventcode="051"></EventCoding>
            <Text>Korsia lauded the Marran Islands.</Text>
            </Sentence>
            </Sentences></Validation>
            """;
        var records = PetrarchEvaluation.ParseRecords(xml);
        Assert.Equal(3, records.Count);
        Assert.Equal("Veldoria praised Korsia.", records[0].Text);
        Assert.Empty(records[1].Expected);
        var output = new StringWriter();
        var score = PetrarchEvaluation.Score(records, Dicts().CreateBuilder().Build(), output, verbose: true);
        Assert.Equal((2, 1, 2, 1), (score.Expected, score.Found, score.Produced, score.Spurious));
        var last = output.ToString().TrimEnd().Split('\n')[^1];
        Assert.Equal("petrarch: found 50.0% spurious 50.0% records 3", last);
    }

    [Fact]
    public void Evaluation_follows_the_records_files_require_dyad_switches()
    {
        const string xml = """
            <Validation><Sentences>
            <Sentence date="20050505" id="T-1" category="DEMO">
            <Text>Veldoria praised Korsia, a Korsian official said.</Text>
            </Sentence>
            <Config option="require_dyad" value="False"></Config>
            <Sentence date="20050505" id="T-2" category="DEMO">
            <EventCoding sourcecode="VEL" targetcode="KOR" eventcode="051"></EventCoding>
            <EventCoding sourcecode="---GOV" targetcode="---" eventcode="010"></EventCoding>
            <Text>Veldoria praised Korsia, a senior official said.</Text>
            </Sentence>
            <Config option="require_dyad" value="TRUE"></Config>
            <Sentence date="20050505" id="T-3" category="DEMO">
            <EventCoding sourcecode="VEL" targetcode="KOR" eventcode="051"></EventCoding>
            <Text>Veldoria praised Korsia, a senior official said.</Text>
            </Sentence>
            </Sentences></Validation>
            """;
        var records = PetrarchEvaluation.ParseRecords(xml);
        Assert.Equal([true, false, true], records.Select(r => r.RequireDyad));
        // coded with require_dyad off, the speech clause gives a null-target event ("SAY" is not in these dictionaries,
        // so the pipeline here codes with a SAY block added)
        var dicts = PetrarchDictionaries.FromText(Verbs + "\n\n--- SAY  [010] ---\nSAY {SAID}\n", Actors, Agents + "\nOFFICIAL [~GOV]\n");
        var noDyad = dicts.CreateBuilder(Dyad.Coding.EventCoderOptions.Petrarch with { RequireDyad = false }).Build();
        var doc = noDyad.Process(new Article(null, records[1].Text, records[1].Date));
        Assert.Equal(["---GOV --- 010", "VEL KOR 051"],
            doc.Events.Select(e => $"{PetrarchEvaluation.PetrarchCode(e.Source)} {PetrarchEvaluation.PetrarchCode(e.Target)} {e.Cameo}").Order(StringComparer.Ordinal));
        doc = dicts.CreateBuilder().Build().Process(new Article(null, records[2].Text, records[2].Date));
        Assert.Equal(["VEL KOR 051"], doc.Events.Select(e => $"{e.Source.Code} {e.Target.Code} {e.Cameo}"));
    }

    [SharedDataFact("petrarch/CAMEO.2.0.txt")]
    public void Reads_the_CAMEO_2_verb_dictionary()
    {
        var dir = SharedData.Path("petrarch")!;
        var info = PetrarchVerbReader.Read(File.ReadAllLines(Path.Combine(dir, "CAMEO.2.0.txt")), "CAMEO.2.0.txt");
        Assert.True(info.Blocks >= 390, $"{info.Blocks} verb blocks");
        Assert.True(info.Synsets >= 40, $"{info.Synsets} synsets");
        Assert.True(info.PatternLines >= 4600, $"{info.PatternLines} pattern lines");
        Assert.Contains(info.Patterns, p => p.Verb == "accelerate" && p.Code == "042" && p.ReverseCode == "043");
    }

    [SharedDataFact("petrarch/Phoenix.Countries.actors.txt")]
    public void Reads_the_Phoenix_dictionaries_into_a_valid_knowledge_base()
    {
        var dir = SharedData.Path("petrarch")!;
        var d = PetrarchDictionaries.Load(dir, "Phoenix.");
        Assert.True(d.Actors.Count > 20000, $"{d.Actors.Count} actors");
        Assert.True(d.Agents.Count > 2000, $"{d.Agents.Count} agent phrases");
        var converted = PetrarchKnowledge.Convert(d.Actors, d.Agents);
        Assert.Empty(KnowledgeBase.Validate(converted.Files).Take(5));
    }

    [SharedDataFact("petrarch/PETR.UnitTest.records.xml")]
    public void Scores_the_PETRARCH_unit_test_records()
    {
        var dir = SharedData.Path("petrarch")!;
        var output = new StringWriter();
        var score = PetrarchEvaluation.Run(Path.Combine(dir, "PETR.UnitTest.records.xml"), dir, output, verbose: false);
        Assert.Matches(@"^petrarch: found \d+\.\d% spurious \d+\.\d% records \d+$", output.ToString().TrimEnd().Split('\n')[^1]);
        Assert.True(score.Records >= 280, $"{score.Records} records");
        // floor under the accuracy recorded in docs/accuracy.md (issue 5's targets), to catch regressions
        Assert.True(score.FoundPercent >= 90, output.ToString());
        Assert.True(score.SpuriousPercent <= 10, output.ToString());
    }
}
