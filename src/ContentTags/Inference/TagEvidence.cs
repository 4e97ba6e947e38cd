namespace ContentTags;

/// <summary>Why a tag fired: the sentence that pushed it most and the words in it that weigh most.</summary>
/// <param name="TagId">The tag.</param>
/// <param name="Sentence">The sentence, as written in the text.</param>
/// <param name="Start">Where the sentence starts in the text (a UTF-16 index), for highlighting.</param>
/// <param name="Length">The sentence's length in UTF-16 code units.</param>
/// <param name="Words">Up to a few words of the sentence that count most toward the tag, strongest first.</param>
/// <param name="Probability">The tag's probability for this sentence alone.</param>
public sealed record TagEvidence(string TagId, string Sentence, int Start, int Length, IReadOnlyList<string> Words, float Probability);
