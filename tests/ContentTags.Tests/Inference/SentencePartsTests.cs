namespace ContentTags.Tests.Inference;

/// <summary>
/// The sentence parts that windows and evidence are scored from, checked against a brute-force count: every n-gram
/// occurrence of the whole text listed with its position, assigned to the sentence where it starts.
/// </summary>
public sealed class SentencePartsTests
{
    private const string Text =
        "The dog barks at night. The dog, the cat and the dog again! ... Nobody sleeps; nobody cares. " +
        "Café owners say the dog is fine. Ünïcödé and emoji 😀 sit here too.\nA last line without a full stop";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Parts_add_up_to_the_whole_text_and_windows_have_the_norm_of_their_counts(int window)
    {
        var model = ContentTagger.Default.Model;
        var scorer = model.Scorer;
        var featurizer = new NgramFeaturizer(model.Manifest.Featurizer);
        var sentences = new List<Range>();
        SentenceSplitter.Split(Text, sentences);
        Assert.True(sentences.Count >= 5, "the text should have several sentences");

        var parts = new SentenceParts(scorer);
        parts.Reset(sentences, window);
        var counts = new FeatureVector();
        double wholeSquares = featurizer.CountNgrams(Text, counts, parts);

        // Brute force: each occurrence belongs to the sentence that holds its last character.
        var occurrences = new List<NgramOccurrence>();
        var source = new int[Text.Length];
        int length = featurizer.ListOccurrences(Text, occurrences, source);
        var starts = sentences.Select(s => Enumerable.Range(0, length).FirstOrDefault(n => source[n] >= s.Start.Value, length)).ToArray();
        int SentenceOf(NgramOccurrence o) => Array.FindLastIndex(starts, s => s < o.End) is var i && i >= 0 ? i : 0;
        var bySentence = occurrences.GroupBy(SentenceOf).ToDictionary(g => g.Key, g => g.ToList());

        var expectedDots = new float[scorer.Stride];
        var sum = new float[scorer.Stride];
        for (int i = 0; i < sentences.Count; i++)
        {
            var mine = bySentence.GetValueOrDefault(i, []);
            Assert.Equal(SumOfSquares(mine), parts.SumOfSquares[i]);
            Array.Clear(expectedDots);
            foreach (var o in mine) scorer.AddWeights(o.Slot, 1f, expectedDots);
            for (int t = 0; t < scorer.TagCount; t++)
            {
                AssertClose(expectedDots[t], parts.DotsOf(i)[t]);
                sum[t] += parts.DotsOf(i)[t];
            }
        }
        for (int first = 0; first + window <= sentences.Count; first++)
        {
            var inWindow = Enumerable.Range(first, window).SelectMany(i => bySentence.GetValueOrDefault(i, [])).ToList();
            Assert.Equal(SumOfSquares(inWindow), parts.WindowSumOfSquares(first, window));
        }

        // Together the parts are the whole text: its norm and its dot products.
        Assert.Equal(SumOfSquares(occurrences), wholeSquares);
        var whole = new float[scorer.Stride];
        scorer.Dot(counts, whole);
        for (int t = 0; t < scorer.TagCount; t++) AssertClose(whole[t], sum[t]);
    }

    [Fact]
    public void A_window_shares_what_its_sentences_have_in_common()
    {
        var model = ContentTagger.Default.Model;
        var featurizer = new NgramFeaturizer(model.Manifest.Featurizer);
        const string text = "Rain falls. Rain falls. Snow.";
        var sentences = new List<Range>();
        SentenceSplitter.Split(text, sentences);
        var parts = new SentenceParts(model.Scorer);
        parts.Reset(sentences, 2);
        featurizer.CountNgrams(text, new FeatureVector(), parts);

        // Two identical sentences share every n-gram: the window's squared norm is four times one sentence's
        // (counts double) give or take the n-grams that cross into the next sentence.
        Assert.True(parts.WindowSumOfSquares(0, 2) > 2 * (parts.SumOfSquares[0] + parts.SumOfSquares[1]) * 0.8);
        Assert.True(parts.WindowSumOfSquares(1, 2) < parts.WindowSumOfSquares(0, 2));
    }

    // The same sums in another order: equal up to float rounding, relative to their size.
    private static void AssertClose(float expected, float actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-5 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");

    private static double SumOfSquares(IEnumerable<NgramOccurrence> occurrences) =>
        occurrences.GroupBy(o => o.Slot).Sum(g => (double)g.Count() * g.Count());
}
