using Dyad.Reading;

namespace Dyad.Tests.Web;

public class NearDuplicatesTests
{
    private const string Story =
        "Ministers from the two countries met in Geneva on Tuesday to discuss a ceasefire along the disputed border, officials said. " +
        "The talks, brokered by the United Nations, lasted six hours and ended with a joint statement promising further meetings next month. " +
        "Opposition leaders criticised the agreement, saying it did nothing to address the displacement of thousands of families from the region. " +
        "Aid agencies welcomed the pause in fighting but warned that winter would bring new hardship to camps near the front line. " +
        "The defence minister told reporters that troops would stay in their positions until a monitoring mission was in place. " +
        "Diplomats said the next round could take place in Vienna, although no date has been fixed and both sides accuse each other of violations.";

    private const string OtherStory =
        "The central bank raised its benchmark interest rate by half a percentage point on Thursday, its third increase this year. " +
        "Economists had expected a smaller move after inflation slowed in the spring, and shares in banks fell on the news. " +
        "The governor said the decision was unanimous and that the board would watch wage growth and energy prices closely. " +
        "Mortgage lenders are expected to pass the rise on to borrowers within weeks, adding to pressure on household budgets.";

    [Fact]
    public void IdenticalTextsHaveTheSameFingerprint()
    {
        Assert.Equal(NearDuplicates.Fingerprint(Story), NearDuplicates.Fingerprint(Story));
        Assert.Equal(NearDuplicates.Fingerprint(Story), NearDuplicates.Fingerprint(Story.ToUpperInvariant().Replace(",", " ,", StringComparison.Ordinal)));
    }

    [Fact]
    public void SmallEditsStayCloseAndDifferentStoriesFarApart()
    {
        string edited = Story.Replace("six hours", "seven hours", StringComparison.Ordinal) + " Reporting by Jane Reporter.";

        int near = NearDuplicates.Distance(NearDuplicates.Fingerprint(Story), NearDuplicates.Fingerprint(edited));
        int far = NearDuplicates.Distance(NearDuplicates.Fingerprint(Story), NearDuplicates.Fingerprint(OtherStory));

        Assert.True(near <= 6, $"edited copy differs in {near} bits");
        Assert.True(far >= 16, $"different story differs in only {far} bits");
    }

    [Fact]
    public void FlagsNearDuplicatesAndKeepsNewTexts()
    {
        var seen = new NearDuplicates(maxDistance: 6);
        string repost = Story.Replace("officials said", "officials told reporters", StringComparison.Ordinal);

        Assert.False(seen.IsDuplicate(Story, out _));
        Assert.False(seen.IsDuplicate(OtherStory, out _));
        Assert.True(seen.IsDuplicate(repost, out int of));
        Assert.Equal(0, of);
        Assert.True(seen.IsDuplicate(Story, out of));
        Assert.Equal(0, of);
        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public void HandlesShortAndEmptyTexts()
    {
        Assert.Equal(0UL, NearDuplicates.Fingerprint(string.Empty));
        Assert.Equal(0UL, NearDuplicates.Fingerprint(" ,.; "));
        Assert.NotEqual(0UL, NearDuplicates.Fingerprint("two words"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NearDuplicates(maxDistance: 9));
    }
}
