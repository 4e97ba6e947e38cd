using Microsoft.ML.Data;

namespace ContentTags;

/// <summary>Column names of the ML.NET pipeline inside every model, and the row types a PredictionEngine binds to.</summary>
internal static class MlNetColumns
{
    public const string Text = "Text";
    public const string Features = "Features";
    public const string Probabilities = "Probabilities";
    public static string TagProbability(int tag) => "ct_p" + tag.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The input row of the ML.NET model: one text.</summary>
internal sealed class MlNetTextInput
{
    [ColumnName(MlNetColumns.Text)]
    public string Text { get; set; } = string.Empty;
}

/// <summary>The output row of the ML.NET model: one calibrated probability per tag, in taxonomy order.</summary>
internal sealed class MlNetProbabilities
{
    [ColumnName(MlNetColumns.Probabilities)]
    public float[] Probabilities { get; set; } = [];
}
