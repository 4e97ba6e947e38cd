using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace ContentTags.Semantic;

/// <summary>
/// The ML.NET custom mapping inside a saved semantic model: text in, <see cref="MiniLmSentenceEncoder"/>'s vector out.
/// ML.NET finds it by contract name when such a model loads (ContentTagModel registers this assembly with its catalog).
/// </summary>
[CustomMappingFactoryAttribute(MiniLmSentenceEncoder.ContractName)]
internal sealed class MiniLmSentenceMapping : CustomMappingFactory<MiniLmSentenceMapping.TextRow, MiniLmSentenceMapping.VectorRow>
{
    /// <summary>A loaded model runs on the shared encoder: its vectors equal any instance's, only the cache differs.</summary>
    public override Action<TextRow, VectorRow> GetMapping() => Mapping(MiniLmSentenceEncoder.Shared);

    public static Action<TextRow, VectorRow> Mapping(MiniLmSentenceEncoder encoder) => (input, output) =>
    {
        var vector = new float[MiniLmSentenceEncoder.VectorDimension];
        encoder.Encode(input.Text ?? string.Empty, vector);
        output.Vector = vector;
    };

    /// <summary>The mapping's input row.</summary>
    internal sealed class TextRow
    {
        [ColumnName(MiniLmSentenceEncoder.InputColumn)]
        public string Text { get; set; } = string.Empty;
    }

    /// <summary>The mapping's output row: a vector of known size, as the classifiers after it require.</summary>
    internal sealed class VectorRow
    {
        [ColumnName(MiniLmSentenceEncoder.OutputColumn)]
        [VectorType(MiniLmSentenceEncoder.VectorDimension)]
        public float[] Vector { get; set; } = [];
    }
}
