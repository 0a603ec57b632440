using System.Globalization;
using System.Text.RegularExpressions;

namespace Dyad.Text.Dates;

/// <summary>How precise a resolved date is.</summary>
public enum DateGranularity
{
    /// <summary>One day.</summary>
    Day,

    /// <summary>A week (Monday to Sunday) or a few days.</summary>
    Week,

    /// <summary>A calendar month, or part of one.</summary>
    Month,

    /// <summary>A calendar year, or part of one.</summary>
    Year,
}

/// <summary>A date expression resolved to a span of days: <see cref="Start"/> to <see cref="End"/>, both included.</summary>
public readonly record struct ResolvedDate(DateOnly Start, DateOnly End, DateGranularity Granularity)
{
    /// <summary>A single day.</summary>
    public static ResolvedDate Day(DateOnly day) => new(day, day, DateGranularity.Day);

    /// <inheritdoc/>
    public override string ToString() => Start == End
        ? Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : $"{Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}..{End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}

/// <summary>A date expression found in a text: where it is, what it says and what it resolves to.</summary>
public readonly record struct DateMention(int Start, int Length, string Text, ResolvedDate Date);

/// <summary>
/// Resolves the date expressions of news text against the publication date: relative ones ("on Tuesday",
/// "yesterday", "last week", "earlier this month", "two days ago") and explicit ones ("March 3, 2024",
/// "3 March 2024", "2024-03-03", "March 3", "in December").
/// </summary>
/// <remarks>
/// News convention decides the ambiguous cases: a bare weekday is the most recent such day up to the publication
/// date, unless the sentence speaks of the future just before it ("will meet on Thursday", "next Thursday"); a date
/// without a year is the one nearest the publication date; a bare month is the most recent one, this year's when it
/// has begun. Independent of the web readers: give it any reference date.
/// </remarks>
public sealed partial class DateResolver
{
    private static readonly string[] MonthNames =
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    };

    private static readonly Dictionary<string, int> Months = BuildMonths();
    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    };

    private static readonly Dictionary<string, int> Numbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["a couple of"] = 2,
        ["a few"] = 3, ["several"] = 3,
    };

    private const string MonthPattern = @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    // One pattern with a named group per kind of expression; the longest forms come first.
    [GeneratedRegex(
        @"\b(?:" +
        @"(?<iso>(?<iy>(?:19|20)\d\d)-(?<im>0[1-9]|1[0-2])-(?<id>0[1-9]|[12]\d|3[01]))" +
        @"|(?<mdy>(?<m1>" + MonthPattern + @")\s+(?<d1>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:,?\s+(?<y1>(?:19|20)\d\d))?)" +
        @"|(?<dmy>(?<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:\s+of)?\s+(?<m2>" + MonthPattern + @")(?:,?\s+(?<y2>(?:19|20)\d\d))?)" +
        @"|(?<my>(?<m3>" + MonthPattern + @")\s+(?<y3>(?:19|20)\d\d))" +
        @"|(?<inmonth>(?:in|since|during|until|by|early|late|mid-?)\s+(?<m4>january|february|march|april|may|june|july|august|september|october|november|december))" +
        @"|(?<ago>(?<n>\d{1,3}|a couple of|a few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?<unit>day|week|month|year)s?\s+ago)" +
        @"|(?<rel>(?<when>earlier|later|late|early)\s+(?:this|last|next)\s+(?:week|month|year)|(?:last|this|next|past)\s+(?:week(?:end)?|month|year))" +
        @"|(?<wd>(?<mod>last|next|this|this\s+coming|this\s+past|on|late|early)?\s*(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?<part>morning|afternoon|evening|night))?)" +
        @"|(?<simple>today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))" +
        @")\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b(?:will|would|shall|is\s+(?:due|set|scheduled|expected|to)|are\s+(?:due|set|scheduled|expected|to)|plans?\s+to|planned|scheduled|upcoming|ahead\s+of|going\s+to)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FutureCue();

    private readonly DateOnly _reference;

    /// <summary>Creates a resolver for text published on <paramref name="reference"/>.</summary>
    public DateResolver(DateOnly reference) => _reference = reference;

    /// <summary>The publication date expressions are resolved against.</summary>
    public DateOnly Reference => _reference;

    /// <summary>Resolves one expression ("last week", "on Tuesday", "March 3, 2024"); null when it is not one.</summary>
    public ResolvedDate? Resolve(string expression)
    {
        var m = DatePattern().Match(expression.Trim());
        if (!m.Success || m.Index != 0 || m.Length != expression.Trim().Length) return null;
        return Resolve(m, expression.Trim(), futureHint: false);
    }

    /// <summary>Finds and resolves every date expression in <paramref name="text"/>, in order.</summary>
    public IReadOnlyList<DateMention> FindAll(string text)
    {
        var result = new List<DateMention>();
        foreach (Match m in DatePattern().Matches(text))
        {
            // Tense cue: the clause before the expression (back to the last sentence or clause break).
            int from = Math.Max(0, m.Index - 60);
            int stop = text.LastIndexOfAny(new[] { '.', ';', '!', '?' }, Math.Max(0, m.Index - 1), m.Index - from);
            if (stop >= from) from = stop + 1;
            bool future = FutureCue().IsMatch(text.AsSpan(from, m.Index - from).ToString());
            var resolved = Resolve(m, text, future);
            if (resolved is { } r)
            {
                string matched = m.Value.Trim();
                int lead = m.Value.Length - m.Value.TrimStart().Length;
                result.Add(new DateMention(m.Index + lead, matched.Length, matched, r));
            }
        }
        return result;
    }

    private ResolvedDate? Resolve(Match m, string text, bool futureHint)
    {
        var g = m.Groups;
        if (g["iso"].Success)
        {
            return TryDate(Int(g["iy"].Value), Int(g["im"].Value), Int(g["id"].Value));
        }
        if (g["mdy"].Success) return MonthDay(g["m1"].Value, g["d1"].Value, g["y1"]);
        if (g["dmy"].Success) return MonthDay(g["m2"].Value, g["d2"].Value, g["y2"]);
        if (g["my"].Success)
        {
            int month = MonthOf(g["m3"].Value);
            if (month == 0) return null;
            int year = Int(g["y3"].Value);
            return MonthSpan(year, month);
        }
        if (g["inmonth"].Success)
        {
            int month = MonthOf(g["m4"].Value);
            if (month == 0) return null;
            string lead = m.Value.TrimStart().ToLowerInvariant();
            bool forward = futureHint || lead.StartsWith("until", StringComparison.Ordinal) || lead.StartsWith("by", StringComparison.Ordinal);
            int year = _reference.Year;
            if (!forward && month > _reference.Month) year--;
            if (forward && month < _reference.Month) year++;
            return MonthSpan(year, month);
        }
        if (g["ago"].Success)
        {
            string n = g["n"].Value;
            int count = int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out int k) ? k : Numbers.GetValueOrDefault(n.ToLowerInvariant(), 1);
            return g["unit"].Value.ToLowerInvariant() switch
            {
                "day" => ResolvedDate.Day(_reference.AddDays(-count)),
                "week" => WeekOf(_reference.AddDays(-7 * count)),
                "month" => MonthSpan(_reference.AddMonths(-count).Year, _reference.AddMonths(-count).Month),
                _ => new ResolvedDate(new DateOnly(_reference.Year - count, 1, 1), new DateOnly(_reference.Year - count, 12, 31), DateGranularity.Year),
            };
        }
        if (g["rel"].Success) return Relative(Normalize(m.Value));
        if (g["wd"].Success) return Weekday(g["day"].Value, Normalize(g["mod"].Value), futureHint);
        if (g["simple"].Success)
        {
            return Normalize(m.Value) switch
            {
                "yesterday" or "last night" => ResolvedDate.Day(_reference.AddDays(-1)),
                "tomorrow" => ResolvedDate.Day(_reference.AddDays(1)),
                _ => ResolvedDate.Day(_reference),
            };
        }
        return null;
    }

    private ResolvedDate? MonthDay(string monthText, string dayText, Group yearGroup)
    {
        int month = MonthOf(monthText);
        if (month == 0) return null;
        int day = Int(dayText);
        if (yearGroup.Success) return TryDate(Int(yearGroup.Value), month, day);
        // No year: the candidate nearest the publication date.
        ResolvedDate? best = null;
        int bestDistance = int.MaxValue;
        for (int y = _reference.Year - 1; y <= _reference.Year + 1; y++)
        {
            if (TryDate(y, month, day) is not { } d) continue;
            int distance = Math.Abs(d.Start.DayNumber - _reference.DayNumber);
            if (distance < bestDistance)
            {
                best = d;
                bestDistance = distance;
            }
        }
        return best;
    }

    private ResolvedDate? Weekday(string dayName, string modifier, bool futureHint)
    {
        var target = Weekdays[dayName];
        int back = ((int)_reference.DayOfWeek - (int)target + 7) % 7;   // 0..6 days back to the most recent one
        int ahead = ((int)target - (int)_reference.DayOfWeek + 7) % 7;  // 0..6 days ahead to the next one
        switch (modifier)
        {
            case "last":
            case "this past":
                return ResolvedDate.Day(_reference.AddDays(back == 0 ? -7 : -back));
            case "next":
            case "this coming":
                return ResolvedDate.Day(_reference.AddDays(ahead == 0 ? 7 : ahead));
            default:
                if (futureHint && ahead != 0) return ResolvedDate.Day(_reference.AddDays(ahead));
                return ResolvedDate.Day(_reference.AddDays(-back));
        }
    }

    private ResolvedDate? Relative(string phrase)
    {
        string[] words = phrase.Split(' ');
        string? edge = words.Length == 3 ? words[0] : null;          // earlier / later / early / late
        string which = words[^2];                                     // last / this / next / past
        string unit = words[^1];                                      // week / weekend / month / year
        ResolvedDate span = unit switch
        {
            "week" => WeekOf(which switch { "last" or "past" => _reference.AddDays(-7), "next" => _reference.AddDays(7), _ => _reference }),
            "weekend" => Weekend(which),
            "month" => which switch
            {
                "last" or "past" => MonthSpan(_reference.AddMonths(-1).Year, _reference.AddMonths(-1).Month),
                "next" => MonthSpan(_reference.AddMonths(1).Year, _reference.AddMonths(1).Month),
                _ => MonthSpan(_reference.Year, _reference.Month),
            },
            _ => which switch
            {
                "last" or "past" => YearSpan(_reference.Year - 1),
                "next" => YearSpan(_reference.Year + 1),
                _ => YearSpan(_reference.Year),
            },
        };
        if (which == "past" && unit != "weekend")
        {
            // "the past week": the seven days (or month, or year) up to the publication date.
            DateOnly start = unit switch { "week" => _reference.AddDays(-7), "month" => _reference.AddMonths(-1), _ => _reference.AddYears(-1) };
            return new ResolvedDate(start, _reference, span.Granularity);
        }
        if (which == "this" && edge is "earlier" && span.Start <= _reference)
        {
            return new ResolvedDate(span.Start, _reference < span.End ? _reference : span.End, span.Granularity);
        }
        if (which == "this" && edge is "later" && _reference <= span.End)
        {
            return new ResolvedDate(_reference > span.Start ? _reference : span.Start, span.End, span.Granularity);
        }
        if (edge is "early" or "earlier" or "late" or "later")
        {
            // The first or last third of the span.
            int days = span.End.DayNumber - span.Start.DayNumber + 1;
            int third = Math.Max(1, days / 3);
            return edge is "early" or "earlier"
                ? new ResolvedDate(span.Start, span.Start.AddDays(third - 1), span.Granularity)
                : new ResolvedDate(span.End.AddDays(1 - third), span.End, span.Granularity);
        }
        return span;
    }

    private ResolvedDate Weekend(string which)
    {
        // The Saturday and Sunday of "this" week; "last weekend" is the most recent one that has ended.
        int toSaturday = ((int)DayOfWeek.Saturday - (int)_reference.DayOfWeek + 7) % 7;
        DateOnly saturday = _reference.AddDays(toSaturday);
        if (which is "last" or "past") saturday = saturday.AddDays(saturday.AddDays(1) >= _reference ? -7 : 0);
        if (which == "next") saturday = saturday.AddDays(toSaturday == 0 ? 7 : 0).AddDays(_reference.DayOfWeek == DayOfWeek.Sunday ? 0 : 7);
        return new ResolvedDate(saturday, saturday.AddDays(1), DateGranularity.Week);
    }

    private static ResolvedDate WeekOf(DateOnly day)
    {
        int sinceMonday = ((int)day.DayOfWeek + 6) % 7;
        DateOnly monday = day.AddDays(-sinceMonday);
        return new ResolvedDate(monday, monday.AddDays(6), DateGranularity.Week);
    }

    private static ResolvedDate MonthSpan(int year, int month) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)), DateGranularity.Month);

    private static ResolvedDate YearSpan(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), DateGranularity.Year);

    private static ResolvedDate? TryDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? ResolvedDate.Day(new DateOnly(year, month, day))
            : null;

    // Month names count only when capitalised, as news text writes them: "may" and "march" are also verbs.
    private static int MonthOf(string text)
    {
        if (text.Length == 0 || !char.IsUpper(text[0])) return 0;
        string key = text.TrimEnd('.').ToLowerInvariant();
        return Months.TryGetValue(key, out int m) ? m : 0;
    }

    private static Dictionary<string, int> BuildMonths()
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < MonthNames.Length; i++)
        {
            d[MonthNames[i]] = i + 1;
            d[MonthNames[i][..3]] = i + 1;
        }
        d["sept"] = 9;
        return d;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Normalize(string s) => string.Join(' ', s.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
