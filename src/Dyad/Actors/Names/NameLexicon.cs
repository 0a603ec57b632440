using System.Collections.Frozen;

namespace Dyad.Actors.Names;

/// <summary>What a word can be around or inside a name; one lookup per token gives all of them.</summary>
[Flags]
internal enum WordFlags : uint
{
    None = 0,
    /// <summary>A capitalised word that does not start a name ("The", "However", "He").</summary>
    Stop = 1 << 0,
    /// <summary>A month or weekday: capitalised but not a name here.</summary>
    Calendar = 1 << 1,
    /// <summary>A person's title, office or role ("President", "Dr.", "spokesman", "actor").</summary>
    Title = 1 << 2,
    /// <summary>A word that makes a capitalised run an organisation ("Ministry", "Party", "Inc.").</summary>
    OrgCue = 1 << 3,
    /// <summary>A word that makes a capitalised run a place ("City", "River", "Airport").</summary>
    PlaceCue = 1 << 4,
    /// <summary>A place word that comes first ("Mount Everest", "Lake Victoria").</summary>
    PlacePrefix = 1 << 5,
    /// <summary>A lower-case particle inside personal names ("al", "bin", "van", "de").</summary>
    NameParticle = 1 << 6,
    /// <summary>A function word that may join the parts of an organisation or place name ("of", "for", "and", "the").</summary>
    Joiner = 1 << 7,
    /// <summary>A preposition before places ("in", "near").</summary>
    PlacePreposition = 1 << 8,
    /// <summary>A verb of saying after a person ("said", "told").</summary>
    SayVerb = 1 << 9,
    /// <summary>A determiner dropped from the front of a name ("the").</summary>
    Determiner = 1 << 10,
    /// <summary>A word of a title that cannot stand for the whole title ("Foreign", "Vice", "Prime").</summary>
    TitlePart = 1 << 11,
    /// <summary>A nationality, religion or people ("Muslims", "Islam", "English"): not a person, organisation or place.</summary>
    Group = 1 << 12,
    /// <summary>A common word that names things rather than people ("Space", "Shuttle", "Cup", "Explorer").</summary>
    Thing = 1 << 13,
    /// <summary>A word that follows or precedes an organisation's name ("officials", "headquarters", "members of").</summary>
    OrgContext = 1 << 14,
    /// <summary>An organisation that news names without any cue word ("Google", "Reuters").</summary>
    KnownOrg = 1 << 15,
    /// <summary>A function word: ends a run of capitalised words even when capitalised ("He", "The", "When").</summary>
    Function = 1 << 16,
    /// <summary>A common given name ("Mary", "Ahmed", "Wei"): a lone one is a person.</summary>
    GivenName = 1 << 17,
}

/// <summary>Sport words: a document full of them names national teams by their countries ("Sweden beat Panama").</summary>
internal static class SportWords
{
    private static readonly FrozenSet<string> s_words = new[]
    {
        "goal", "goals", "scored", "scoring", "penalty", "striker", "midfielder", "goalkeeper", "referee", "minute",
        "league", "championship", "tournament", "cup", "football", "soccer", "match", "draw", "drew", "header", "assist",
        "booked", "substituted", "equalise", "equalize", "equaliser", "scoreboard", "possession", "stadium", "fifa", "uefa",
        "innings", "wickets", "playoff", "playoffs", "semi-final", "semifinal", "quarter-final", "debutants", "kick-off",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool Contains(string word) => s_words.Contains(word);
}

/// <summary>The word lists <see cref="NameFinder"/> uses, written for Dyad from English news usage.</summary>
internal static class NameLexicon
{
    private static readonly FrozenDictionary<string, WordFlags> s_words = Build();

    public static WordFlags Flags(string word) =>
        word.Length > 0 && s_words.TryGetValue(word, out var f) ? f : WordFlags.None;

    private static FrozenDictionary<string, WordFlags> Build()
    {
        var d = new Dictionary<string, WordFlags>(StringComparer.OrdinalIgnoreCase);
        void Add(WordFlags flag, string words)
        {
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                d[w] = d.TryGetValue(w, out var f) ? f | flag : flag;
        }

        Add(WordFlags.Stop,
            "the a an this that these those he she it they we i you his her its their our my your me him them us " +
            "but and or nor so yet if when while whereas although though because since after before as for from with " +
            "without by of to in on at into onto over under about above below according however also many some all most " +
            "more much other others several both each every any no not there here then now today tonight yesterday tomorrow " +
            "what who whom whose which why how where once meanwhile still even just only such last next first second third " +
            "yes oh please thank thanks let do does did is are was were will would can could should may might must shall " +
            "have has had be being been unlike despite during until between among against through within following " +
            "including like up out off down earlier later former local one two three four five six seven eight nine ten " +
            "hundreds thousands dozens millions officials reports report sources witnesses residents critics experts " +
            "scientists researchers parents police people students teams members supporters protesters analysts " +
            "mr mrs ms dr sir madam dear well instead overall again finally indeed perhaps whether either neither " +
            "almost nearly around approximately just along asked among");
        Add(WordFlags.Calendar,
            "january february march april may june july august september october november december " +
            "jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec. " +
            "monday tuesday wednesday thursday friday saturday sunday christmas easter ramadan");
        Add(WordFlags.Title,
            "mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor president president-elect minister secretary " +
            "secretary-general senator sen. rep. representative congressman congresswoman governor gov. mayor king queen " +
            "prince princess sheikh sheik pope cardinal bishop archbishop rev. reverend father imam ayatollah rabbi emir " +
            "sultan general gen. lt. lieutenant col. colonel major maj. captain capt. sgt. sergeant admiral adm. commander " +
            "chancellor premier ambassador envoy judge justice chief director chairman chairwoman chairperson chair lord lady " +
            "sir dame speaker deputy attorney coach detective officer inspector superintendent spokesman spokeswoman " +
            "spokesperson editor ceo founder co-founder cofounder creator leader councillor councilman mp marshal private " +
            "corporal commissioner actor actress singer writer author novelist poet player striker goalkeeper midfielder " +
            "defender forward student lawyer reporter journalist correspondent analyst researcher scientist doctor " +
            "physician manager candidate activist defector teacher executive economist artist photographer designer " +
            "musician star colleague wife husband son daughter mother brother sister uncle aunt cousin friend " +
            "victim suspect pilot chef columnist historian professor spokesmen head member host presenter producer " +
            "director-general vice-president premier-elect administrator child boy girl man woman baby prosecutor " +
            "grandson granddaughter grandfather grandmother nephew niece partner girlfriend boyfriend fiancee widow " +
            "businessman businesswoman billionaire entrepreneur minister-president mr.president");
        Add(WordFlags.TitlePart,
            "vice prime foreign defence defense interior finance home state deputy acting former chief senior " +
            "executive general crown");
        Add(WordFlags.OrgCue,
            "ministry ministries department departments agencies councils party parties university college school academy council inc inc. corp corp. corporation co. " +
            "company ltd ltd. llc plc group agency committee commission bank army navy force forces police association " +
            "institute institution foundation court assembly parliament congress senate board office bureau authority " +
            "service services organization organisation union league federation society club team church network news " +
            "times post gazette journal herald tribune press magazine daily weekly monthly chronicle telegraph observer television tv radio airlines airways front " +
            "movement brigade brigades fund trust alliance coalition cabinet government administration " +
            "secretariat laboratory laboratories labs hospital library festival municipality orchestra industries systems " +
            "technologies holdings partners enterprises guard corps fc f.c.");
        Add(WordFlags.PlaceCue,
            "city province county district region river museum center centre mountains mountain lake island islands isles valley sea ocean " +
            "bay gulf strait desert peninsula coast street road avenue square park airport stadium hall palace mosque " +
            "cathedral temple tower towers bridge canal harbour harbor beach falls village town township prefecture " +
            "territory oblast governorate heights plaza building camp base hotel planetarium memorial zoo arena theatre " +
            "theater terminal");
        Add(WordFlags.PlacePrefix, "mount mt. lake port fort cape gulf isle masjid");
        Add(WordFlags.NameParticle,
            "al el bin ibn bint abu abd de del della di da du dos das van von der den ter la le y st. st");
        Add(WordFlags.Joiner, "of for on and & the at de");
        Add(WordFlags.PlacePreposition, "in near across outside inside throughout around towards toward");
        Add(WordFlags.SayVerb,
            "said says say told tells added explained stated wrote writes asked argued noted claimed insisted recalled " +
            "confirmed denied admitted warned replied tweeted announced believes believed thinks thought");
        Add(WordFlags.Group,
            "muslim muslims islam islamic christian christians christianity catholic catholics catholicism protestant " +
            "protestants jew jews jewish judaism hindu hindus hinduism buddhist buddhists buddhism sikh sikhs sunni sunnis " +
            "shia shias shiite shiites orthodox evangelical evangelicals mormon mormons scientologist scientologists " +
            "arab arabs kurd kurds kurdish pashtun pashtuns latino latinos hispanic hispanics european europeans asian asians " +
            "african africans western westerners english french spanish german arabic mandarin cantonese hebrew persian " +
            "russian portuguese italian japanese chinese korean hindi urdu swahili democrat democrats republican republicans " +
            "communist communists socialist socialists conservative conservatives liberal liberals");
        Add(WordFlags.Thing,
            "space shuttle shuttles world cup science fair system systems internet explorer web windows office passion " +
            "legacy photographic global intelligence national international award awards prize day night year games " +
            "olympics championship championships tournament series show war wars revolution act bill treaty accord " +
            "agreement plan program programme project initiative summit conference expo exhibition station mission " +
            "satellite rocket ship vessel aircraft jet plane car phone app software browser edition version model " +
            "index report survey study census election elections referendum crisis disaster festival lantern lanterns " +
            "flag anthem constitution charter declaration doctrine prize medal trophy album film movie book novel song " +
            "magazine newspaper channel website blog polaroid polaroids camera museum gallery collection exhibit " +
            "man woman boy girl men women people citizens family house building centre center new idea change climate " +
            "nature operation facility launch pad standards collections galleries shirt t-shirt wiki religion lifestyle " +
            "soup aid rider video audio image photo photos picture pictures demo");
        Add(WordFlags.OrgContext,
            "officials official headquarters organization organisation staff employees employee members member spokesman " +
            "spokeswoman spokesperson website site executives executive board shareholders subsidiary branch chapter " +
            "unit division affiliate products software browser lawyers attorneys attorney representatives representative " +
            "leaders leader founder co-founder chairman director president ceo workers reporters journalists " +
            "correspondents editors researchers scientists engineers");
        Add(WordFlags.KnownOrg,
            "google microsoft apple facebook twitter amazon youtube instagram whatsapp netflix samsung sony toyota boeing " +
            "airbus reuters bloomberg xinhua yonhap wikipedia wikinews wikileaks interpol europol gazprom huawei tencent " +
            "alibaba baidu intel ibm nokia uber tesla exxonmobil hezbollah hamas fatah taliban al-qaeda labour tories " +
            "likud kuomintang");
        Add(WordFlags.Function,
            "the a an this that these those he she it they we i you his her its their our my your me him them us but and " +
            "or nor so yet if when while whereas although though because since after before as for from with without by " +
            "of to in on at into onto over under about according however also there here then now what who whom whose " +
            "which why how where once is are was were will would can could should may might must has have had do does did " +
            "not no yes");
        Add(WordFlags.GivenName,
            // English
            "james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark " +
            "donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary " +
            "nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory frank alexander raymond " +
            "patrick jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy " +
            "christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe " +
            "bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason " +
            "philip phillip louis harry fred jim tom bob bill mike steve dave chris tony greg jeff ken ben sam nick matt " +
            "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra " +
            "ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura " +
            "cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra " +
            "rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren " +
            "christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison " +
            "frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly " +
            "isabella theresa diana natalie brittany charlotte marie kayla alexis lori renee pauline suzanne jo jane kate " +
            "lucy " +
            // other languages
            "mohamed mohammed muhammad ahmed ahmad ali hassan hussein omar abdullah ibrahim mahmoud mustafa khalid khaled " +
            "fatima aisha yusuf youssef hamid reza alireza mehdi " +
            "jean pierre jacques francois michel philippe alain marie sophie isabelle nathalie " +
            "hans klaus jurgen wolfgang helmut angela ursula " +
            "giuseppe giovanni antonio francesco marco luca paolo matteo " +
            "carlos luis miguel jorge pedro manuel javier alejandro fernando diego sergio pablo juan " +
            "vladimir sergei sergey dmitry alexei alexey ivan nikolai olga natalia tatiana yulia " +
            "wei li ming jun hui yan lei jie kim lee park chen wang zhang liu yang " +
            "hiroshi takeshi yuki akira kenji shinzo " +
            "raj rahul amit sanjay priya anil sunil vijay narendra " +
            "kofi kwame chinedu oluwaseun");
        Add(WordFlags.Determiner, "the a an this that these those");
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
