namespace Dyad.Documents;

/// <summary>The annotation layers a document can carry; components declare which they require and provide.</summary>
[Flags]
public enum Annotation
{
    None = 0,
    CleanText = 1 << 0,
    Paragraphs = 1 << 1,
    Tokens = 1 << 2,
    Sentences = 1 << 3,
    PartOfSpeech = 1 << 4,
    Lemmas = 1 << 5,
    Dependencies = 1 << 6,
    Actors = 1 << 7,
    Events = 1 << 8,
    Dates = 1 << 9,
}
