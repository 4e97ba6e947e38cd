using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace ContentTags.Tests.Text;

public sealed class MlNetHashTests
{
    [Fact]
    public void HashText_matches_MLNet_text_hashing_on_random_text()
    {
        var random = new Random(17);
        var texts = new List<string> { "a", "hello", "café", "caféé", "abcé", "日本", "😀", "\uD800", "x\uDFFFy", "\u07FF\u0800\u0080\u007F" };
        for (int i = 0; i < 3000; i++)
        {
            var chars = new char[random.Next(1, 24)];
            for (int c = 0; c < chars.Length; c++)
            {
                chars[c] = random.Next(4) switch
                {
                    0 => (char)random.Next(0x21, 0x7F),
                    1 => (char)random.Next(0x80, 0x800),
                    2 => (char)random.Next(0x800, 0x10000),
                    _ => (char)random.Next(0, 0x10000),
                };
            }

            texts.Add(new string(chars));
        }

        foreach (uint seed in new uint[] { FeaturizerSettings.DefaultSeed, 0, 42, uint.MaxValue })
        {
            var ml = new MLContext(seed: 1);
            var data = ml.Data.LoadFromEnumerable(texts.Select(t => new TextRow { Text = t }));
            var hashes = ml.Transforms.Conversion.Hash(new HashingEstimator.ColumnOptions("Hash", nameof(TextRow.Text), numberOfBits: 31, seed: seed))
                .Fit(data).Transform(data).GetColumn<uint>("Hash").ToArray();

            const uint mask = (1u << 31) - 1;
            for (int i = 0; i < texts.Count; i++)
            {
                uint expected = hashes[i];
                uint actual = (MlNetHash.HashText(seed, texts[i].AsSpan().Trim(' ')) & mask) + 1;
                Assert.True(expected == actual, $"seed {seed}, text #{i} ({string.Join(' ', texts[i].Select(c => ((int)c).ToString("X4")))}): expected {expected}, got {actual}");
            }
        }
    }

    private sealed class TextRow
    {
        public string Text { get; set; } = "";
    }
}
