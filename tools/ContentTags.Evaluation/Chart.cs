using ScottPlot;

namespace ContentTags.Evaluation;

internal static class Chart
{
    /// <summary>Per-tag F1 on all held-out rows and on the hard rows alone, as grouped horizontal bars.</summary>
    public static void PerTagF1(ModelMetrics all, ModelMetrics hard, string path)
    {
        var plot = new Plot();
        var tags = all.Tags.Select(t => t.TagId).ToArray();
        var bars = new List<Bar>();
        for (int i = 0; i < tags.Length; i++)
        {
            double y = tags.Length - i;
            bars.Add(new Bar { Position = y + 0.2, Value = all.Tags[i].F1, FillColor = Colors.SteelBlue, Orientation = Orientation.Horizontal, Size = 0.38 });
            bars.Add(new Bar { Position = y - 0.2, Value = hard.For(tags[i])!.F1, FillColor = Colors.Orange, Orientation = Orientation.Horizontal, Size = 0.38 });
        }
        plot.Add.Bars(bars);
        plot.Axes.Left.SetTicks(Enumerable.Range(0, tags.Length).Select(i => (double)(tags.Length - i)).ToArray(), tags);
        plot.Axes.SetLimitsX(0, 1);
        plot.Title("Per-tag F1 on held-out rows");
        plot.XLabel("F1");
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "all held-out rows", FillColor = Colors.SteelBlue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "hard rows only", FillColor = Colors.Orange });
        plot.ShowLegend(Edge.Bottom);
        plot.SavePng(path, 900, 640);
    }
}
