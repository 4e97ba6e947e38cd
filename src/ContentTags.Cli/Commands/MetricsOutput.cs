using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace ContentTags.Cli.Commands;

/// <summary>Shows metrics as a console table, JSON, or an HTML page with bar charts.</summary>
internal static class MetricsOutput
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Table Table(ModelMetrics metrics, string title)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumns("tag", "precision", "recall", "F1", "support", "threshold");
        foreach (var c in table.Columns.Skip(1)) c.RightAligned();
        foreach (var t in metrics.Tags)
            table.AddRow(t.TagId, F(t.Precision), F(t.Recall), F(t.F1), t.Support.ToString(CultureInfo.InvariantCulture), t.Threshold.ToString("0.000", CultureInfo.InvariantCulture));
        table.AddEmptyRow();
        table.AddRow("[bold]micro[/]", F(metrics.MicroPrecision), F(metrics.MicroRecall), F(metrics.MicroF1), "", "");
        table.AddRow("[bold]macro F1[/]", "", "", F(metrics.MacroF1), metrics.Rows.ToString(CultureInfo.InvariantCulture) + " rows", "");
        return table;
    }

    public static string ToJson(ModelMetrics metrics) => JsonSerializer.Serialize(metrics, Json);

    public static void WriteHtml(ModelMetrics metrics, string path, string title)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title)).Append("</title>");
        html.Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse;width:100%}td,th{padding:.3rem .5rem;text-align:left;border-bottom:1px solid #ddd}")
            .Append(".bar{height:.9rem;border-radius:2px}.p{background:#4e79a7}.r{background:#f28e2b}.f{background:#59a14f}.num{text-align:right;font-variant-numeric:tabular-nums}</style>");
        html.Append("<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{metrics.Rows} rows. Micro F1 <b>{F(metrics.MicroF1)}</b> (precision {F(metrics.MicroPrecision)}, recall {F(metrics.MicroRecall)}); macro F1 <b>{F(metrics.MacroF1)}</b>.</p>");
        html.Append("<table><tr><th>tag</th><th>precision / recall / F1</th><th class=num>P</th><th class=num>R</th><th class=num>F1</th><th class=num>support</th></tr>");
        foreach (var t in metrics.Tags)
        {
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(t.TagId)).Append("</td><td>");
            foreach (var (cls, v) in new[] { ("p", t.Precision), ("r", t.Recall), ("f", t.F1) })
                html.Append(CultureInfo.InvariantCulture, $"<div class=\"bar {cls}\" style=\"width:{v * 100:0.#}%\" title=\"{F(v)}\"></div>");
            html.Append(CultureInfo.InvariantCulture, $"</td><td class=num>{F(t.Precision)}</td><td class=num>{F(t.Recall)}</td><td class=num>{F(t.F1)}</td><td class=num>{t.Support}</td></tr>");
        }
        html.Append("</table><p><span class=\"bar p\" style=\"display:inline-block;width:1rem\"></span> precision <span class=\"bar r\" style=\"display:inline-block;width:1rem\"></span> recall <span class=\"bar f\" style=\"display:inline-block;width:1rem\"></span> F1</p></html>");
        File.WriteAllText(path, html.ToString());
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
}
