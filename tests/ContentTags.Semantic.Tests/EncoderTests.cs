using System.Diagnostics;
using Xunit.Abstractions;

namespace ContentTags.Semantic.Tests;

public sealed class EncoderTests(ITestOutputHelper output)
{
    private static readonly MiniLmSentenceEncoder Encoder = MiniLmSentenceEncoder.Shared;

    [Fact]
    public void Paraphrases_land_closer_than_unrelated_text()
    {
        float[] a = Encoder.Encode("He took his own life.");
        float[] b = Encoder.Encode("He committed suicide.");
        float[] c = Encoder.Encode("The team wins the cup after a long season.");
        float near = Cosine(a, b), far = Cosine(a, c);
        output.WriteLine($"cos(took his own life, committed suicide) = {near:F3}; cos(took his own life, the team wins) = {far:F3}");
        Assert.True(near > far + 0.2f, $"{near} vs {far}");
    }

    [Fact]
    public void Speed_probe()
    {
        Encoder.Encode("Warm up the model.");
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 20; i++) Encoder.EmbedSentence($"A quiet drama number {i} about a family that moves to the coast after the war.");
        output.WriteLine($"{clock.Elapsed.TotalMilliseconds / 20:F1} ms per sentence");
    }

    internal static float Cosine(float[] x, float[] y)
    {
        double dot = 0, xx = 0, yy = 0;
        for (int i = 0; i < x.Length; i++) { dot += x[i] * y[i]; xx += x[i] * x[i]; yy += y[i] * y[i]; }
        return (float)(dot / Math.Sqrt(xx * yy));
    }
}
