using System.Text;

namespace ContentTags.Cli.Tests.Support;

/// <summary>
/// Writes CSV by hand (RFC 4180), independently of the library and of CsvHelper, so that a test controls every byte
/// of its input: the line ending, a byte order mark, fields quoted although they need not be.
/// </summary>
internal static class CsvText
{
    public static string Write(string[] header, IEnumerable<string[]> rows, char separator = ',', string newLine = "\n", bool quoteAll = false)
    {
        var sb = new StringBuilder();
        Append(sb, header, separator, newLine, quoteAll);
        foreach (var row in rows) Append(sb, row, separator, newLine, quoteAll);
        return sb.ToString();
    }

    public static byte[] Bytes(string csv, bool byteOrderMark = false)
    {
        var body = Encoding.UTF8.GetBytes(csv);
        return byteOrderMark ? [0xEF, 0xBB, 0xBF, .. body] : body;
    }

    public static void Append(StringBuilder sb, string[] cells, char separator, string newLine, bool quoteAll = false)
    {
        for (int i = 0; i < cells.Length; i++)
        {
            if (i > 0) sb.Append(separator);
            sb.Append(Field(cells[i], separator, quoteAll));
        }
        sb.Append(newLine);
    }

    public static string Field(string value, char separator, bool quote = false)
    {
        bool needs = quote || value.IndexOfAny([separator, '"', '\r', '\n']) >= 0;
        return needs ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
