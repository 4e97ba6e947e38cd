using System.Security.Cryptography;
using System.Text;

namespace ContentTags;

/// <summary>Helpers for the data a model is trained from.</summary>
public static class TrainingData
{
    /// <summary>
    /// A SHA-256 fingerprint of examples (text and tag ids, in order). A model records the hash of the data that trained
    /// it, so a check can prove that a shipped model and its data have not drifted apart.
    /// </summary>
    public static string ComputeHash(IEnumerable<LabeledText> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var e in examples)
        {
            // Tags are sorted so that "a;b" and "b;a" describe the same example.
            string row = e.Text + "\u001f" + string.Join(';', e.Tags.Order(StringComparer.Ordinal)) + "\u001e";
            sha.AppendData(Encoding.UTF8.GetBytes(row));
        }
        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
