namespace Dyad.Reading.Web;

/// <summary>Short lines that are page furniture wherever they stand ("Advertisement", "Share this article", ...).</summary>
internal static class Boilerplate
{
    private static readonly string[] Prefixes =
    {
        "advertisement", "read more", "read also", "also read", "related:", "related coverage", "related articles",
        "related stories", "related content", "share this", "share on", "share article", "follow us", "sign up",
        "subscribe to", "subscribe now", "click here", "photo:", "image:", "getty images", "(ap photo", "continue reading", "recommended", "more from", "most read", "most popular",
        "you may also like", "we use cookies", "this site uses cookies", "download the app", "listen to this",
        "story continues below", "watch:", "view comments", "leave a comment", "print this", "email this",
        "skip to", "loading", "sponsored", "follow the", "follow him", "follow her", "get the latest", "newsletter",
        "want more", "don't miss", "do not miss", "trending", "top stories", "editor's picks", "see also", "more:",
    };

    // Calls to action and credits inside otherwise ordinary short paragraphs.
    private static readonly string[] Contains =
    {
        "follow us on", "follow him on twitter", "follow her on twitter", "join our ", "sign up for our",
        "subscribe to our", "contributed to this report", "click here to", "download our app",
    };

    private static readonly HashSet<string> Exact = new(StringComparer.OrdinalIgnoreCase)
    {
        "share", "tweet", "email", "print", "comments", "comment", "facebook", "twitter", "linkedin", "whatsapp",
        "pinterest", "reddit", "close", "menu", "search", "ad", "advertisement", "more", "next", "previous", "back to top",
        "related", "video", "photos", "tags", "topics", "image", "log in", "login", "sign in", "subscribe", "home", "getty images",
    };

    public static bool IsBoilerplateLine(string line)
    {
        if (line.Length > 300) return false;
        if (line.Contains(" appeared first on ", StringComparison.Ordinal)) return true;
        if (line.Length <= 300)
        {
            foreach (var c in Contains)
            {
                if (line.Contains(c, StringComparison.OrdinalIgnoreCase)) return true;
            }
            if (line.Contains("newsletter", StringComparison.OrdinalIgnoreCase) && (line.Contains("sign up", StringComparison.OrdinalIgnoreCase) || line.Contains("subscribe", StringComparison.OrdinalIgnoreCase))) return true;
        }
        if (line.Length > 160) return false;
        if (Exact.Contains(line.TrimEnd('.', ':', '!', ' '))) return true;
        foreach (var p in Prefixes)
        {
            if (line.StartsWith(p, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
