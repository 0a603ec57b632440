using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Tests.Actors;

/// <summary>Actor resolution on sentences written for these tests, against the embedded knowledge base.</summary>
public class ResolverTests
{
    private static readonly DyadPipeline Pipeline = new PipelineBuilder().UseCleaner().UseTokenizer().UseActors().Build();

    private static List<(string Text, string Code)> Resolve(string text, string date)
    {
        var d = Pipeline.Process(new Article(null, text, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
        return d.Mentions.Select(m => (d.Text.Substring(m.Span.Start, m.Span.Length), m.Code)).ToList();
    }

    [Fact]
    public void Country_words_compose_with_office_words()
    {
        var r = Resolve("Mexican Foreign Secretary Marcelo Ebrard spoke with Russian troops and the Kremlin.", "2020-05-01");
        Assert.Equal(("Mexican Foreign Secretary Marcelo Ebrard", "MEXGOV"), r[0]);
        Assert.Equal(("Russian troops", "RUSMIL"), r[1]);
        Assert.Equal("RUSGOV", r[2].Code);
    }

    [Fact]
    public void A_known_person_takes_the_role_valid_on_the_date()
    {
        Assert.Equal("USAGOV", Resolve("Antony Blinken arrived.", "2022-05-01").Single().Code);
        // Out of office: a former official (ELI), not the government.
        Assert.Equal("USAELI", Resolve("Antony Blinken arrived.", "2026-01-01").Single().Code);
    }

    [Fact]
    public void A_later_surname_mention_resolves_to_the_full_mention()
    {
        var r = Resolve("Mexico Foreign Secretary Marcelo Ebrard arrived in Washington. Ebrard met officials.", "2021-03-18");
        Assert.Equal("MEXGOV", r[0].Code);
        Assert.Contains(("Ebrard", "MEXGOV"), r);
    }

    [Fact]
    public void A_surname_alone_is_the_only_officeholder_of_that_name()
    {
        Assert.Equal(("Blinken", "USAGOV"), Resolve("Blinken arrived on Monday.", "2023-06-19").Single());
    }

    [Fact]
    public void Another_first_name_before_a_surname_is_not_the_officeholder()
    {
        // Mark Phillips is Guyana's prime minister from 2020; Trevor Phillips is someone else.
        Assert.DoesNotContain(Resolve("Trevor Phillips called on ministers to act.", "2024-01-01"), m => m.Code.StartsWith("GUY", StringComparison.Ordinal));
        Assert.DoesNotContain(Resolve("Tory spokesman David Davis told MPs.", "2024-01-01"), m => m.Code.StartsWith("BHS", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lesser_known_officeholder_needs_the_country_named_before_a_bare_surname()
    {
        Assert.Empty(Resolve("Davis said the talks had failed.", "2024-01-01"));
        var r = Resolve("The Bahamas wants a deal. Davis said the talks had failed.", "2024-01-01");
        Assert.Contains(("Davis", "BHSGOV"), r);
    }

    [Fact]
    public void It_refers_to_the_actor_opening_its_clause_not_an_object()
    {
        var r = Resolve("Beijing criticized export controls, which the U.S. imposed after it accused China of spying.", "2023-06-19");
        Assert.Contains(("it", "USA"), r);
        r = Resolve("The EU condemned Russia and said it would act.", "2023-06-19");
        Assert.Contains(("it", "IGOEUREEC"), r);
    }

    [Fact]
    public void Troops_in_a_country_are_not_that_countrys_military()
    {
        Assert.DoesNotContain(Resolve("Troops in Syria fired.", "2015-05-01"), m => m.Code == "SYRMIL");
        Assert.DoesNotContain(Resolve("Refugees in Turkey protested.", "2015-05-01"), m => m.Code == "TURREF");
    }

    [Fact]
    public void A_month_is_a_surname_only_where_the_article_names_the_country()
    {
        // Theresa May was the British prime minister in 2017.
        Assert.DoesNotContain(Resolve("May saw record exports to China.", "2017-06-01"), m => m.Code == "GBRGOV");
        Assert.Contains(("May", "GBRGOV"), Resolve("Britain wants a deal. May met Merkel in Berlin.", "2017-06-01"));
    }

    [Fact]
    public void A_surname_named_earlier_with_another_first_name_is_that_person()
    {
        // John Howard was Australia's prime minister in 2005; Michael Howard led the British opposition.
        var r = Resolve("Tory leader Michael Howard spoke in London. Mr Howard criticised the government.", "2005-03-01");
        Assert.DoesNotContain(r, m => m.Code.StartsWith("AUS", StringComparison.Ordinal));
    }

    [Fact]
    public void A_headline_surname_guess_is_retracted_when_the_article_names_another_first_name()
    {
        var r = Resolve("Howard's wife to star in campaign\n\nMichael Howard's wife will campaign. Mr Howard is pleased.", "2005-03-01");
        Assert.DoesNotContain(r, m => m.Code.StartsWith("AUS", StringComparison.Ordinal));
    }

    [Fact]
    public void A_prominent_leaders_bare_surname_resolves_after_other_countries_and_sentence_initial_words()
    {
        Assert.Contains(("Bush", "USAGOV"), Resolve("Britain's Blair met Bush on Monday.", "2005-03-01"));
        Assert.Contains(("Putin", "RUSGOV"), Resolve("But Putin criticised Ukraine.", "2020-03-01"));
        Assert.Contains(("Merkel", "DEUGOV"), Resolve("Yesterday Merkel criticised Russia.", "2020-03-01"));
    }

    [Fact]
    public void Title_case_headlines_hold_no_invented_names()
    {
        Assert.Contains(("Somalia", "SOM"), Resolve("Kenya Airways Suspends Flights To Somalia", "2023-06-01"));
        var r = Resolve("Blinken Meets Xi In Beijing", "2023-06-01");
        Assert.Contains(("Blinken", "USAGOV"), r);
        Assert.Contains(("Xi", "CHNGOV"), r);
    }

    [Fact]
    public void A_country_word_before_counterpart_is_that_government()
    {
        var r = Resolve("Blinken met his Canadian counterpart.", "2023-06-19");
        Assert.Equal(("Canadian counterpart", "CANGOV"), r[1]);
    }

    [Fact]
    public void The_nations_top_diplomat_is_the_country_named_last()
    {
        var r = Resolve("Talks in Japan resumed. The nation's top diplomat spoke.", "2023-06-19");
        Assert.Equal(("The nation's top diplomat", "JPNGOV"), r[^1]);
    }

    [Fact]
    public void The_vice_president_is_the_earlier_vice_president()
    {
        var r = Resolve("Vice President Kamala Harris visited Manila. The vice president met officials.", "2022-11-21");
        Assert.Equal("USAGOV", r[0].Code);
        Assert.Equal("USAGOV", r.Single(x => x.Text.Equals("the vice president", StringComparison.OrdinalIgnoreCase)).Code);
    }

    [Fact]
    public void Pronouns_in_simple_cases()
    {
        var r = Resolve("The European Union condemned Russia and said it would impose sanctions.", "2022-02-24");
        Assert.Equal(("it", r[0].Code), r[^1]);
        var h = Resolve("Kamala Harris arrived in Manila. She met Philippine officials.", "2022-11-21");
        Assert.Equal(("She", "USAGOV"), h[2]);
    }

    [Fact]
    public void Coordinated_country_words_share_the_office()
    {
        var r = Resolve("Turkey hosted Russian and Ukrainian officials.", "2022-07-13");
        Assert.Equal([("Turkey", "TUR"), ("Russian", "RUSGOV"), ("Ukrainian officials", "UKRGOV")], r);
    }

    [Fact]
    public void A_capital_after_a_preposition_is_a_place_not_the_government()
    {
        var r = Resolve("Moscow warned Kyiv. Troops moved to Moscow.", "2022-02-20");
        Assert.Equal("RUSGOV", r[0].Code);
        Assert.Equal("UKRGOV", r[1].Code);
        Assert.Equal(("Moscow", "RUS"), r[^1]);
    }

    [Fact]
    public void A_place_name_used_as_a_first_name_is_not_a_country()
    {
        var r = Resolve("Chad Smith met Jordan Henderson in Jordan.", "2020-01-01");
        Assert.Equal([("Jordan", "JOR")], r);
    }

    [Fact]
    public void An_unknown_name_described_by_an_appositive_takes_its_code()
    {
        var r = Resolve("Maria Lopezova, Mexico's ambassador to Canada, arrived. Lopezova met officials.", "2020-01-01");
        Assert.Equal(("Maria Lopezova", "MEXGOV"), r[0]);
        Assert.Contains(("Lopezova", "MEXGOV"), r);
    }
}
