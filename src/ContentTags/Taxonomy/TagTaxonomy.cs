using System.Collections;
using System.Text.RegularExpressions;

namespace ContentTags;

/// <summary>
/// An ordered set of tags. The order is the order tags are written in: results, CSV columns and the <c>tags</c>
/// column of a training file all list tags in taxonomy order, joined by <c>;</c>.
/// </summary>
public sealed partial class TagTaxonomy : IReadOnlyList<ContentTag>
{
    /// <summary>The character that separates tag ids in a <c>tags</c> cell.</summary>
    public const char Separator = ';';

    private readonly ContentTag[] _tags;
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a taxonomy from tags in the order they should be written.</summary>
    /// <exception cref="ArgumentException">An id is empty, malformed or repeated.</exception>
    public TagTaxonomy(IEnumerable<ContentTag> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        _tags = tags.ToArray();
        if (_tags.Length == 0) throw new ArgumentException("A taxonomy needs at least one tag.", nameof(tags));
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < _tags.Length; i++)
        {
            string id = _tags[i].Id;
            if (!IsValidId(id))
                throw new ArgumentException($"'{id}' is not a valid tag id: use lower-case letters, digits, '-' and '_', starting with a letter or digit.", nameof(tags));
            if (!_index.TryAdd(id, i)) throw new ArgumentException($"Tag id '{id}' appears twice.", nameof(tags));
        }
    }

    /// <summary>The 15 built-in content-warning tags, in their canonical order.</summary>
    public static TagTaxonomy BuiltIn { get; } = new(
    [
        new("sexual-violence", "Sexual violence", "Rape or attempted rape, sexual assault, groping, sexual coercion, non-consensual images, forced prostitution."),
        new("sexual-content", "Sexual content", "Consensual sex shown or described explicitly, nudity, adult content."),
        new("violence", "Violence", "People, monsters or animals physically hurting people: fights, shootings, stabbings, murders, bombings, war."),
        new("gore", "Gore", "Graphic blood and injury described vividly: wounds, mutilation, dismemberment, body horror."),
        new("torture", "Torture", "Deliberate infliction of severe pain on a captive or victim."),
        new("child-abuse", "Child abuse", "Physical, sexual or emotional abuse or severe neglect of a minor."),
        new("domestic-abuse", "Domestic abuse", "Abuse of an adult by a partner, spouse or family member, including coercive control and stalking by a partner."),
        new("self-harm", "Self-harm", "Deliberate self-injury without intent to die: cutting, burning, hitting oneself."),
        new("suicide", "Suicide", "A death by suicide, an attempt, a plan, a note or suicidal thoughts."),
        new("substance-abuse", "Substance abuse", "Illegal drug use, addiction to alcohol or drugs, overdoses from use, dealing and smuggling."),
        new("animal-harm", "Animal harm", "An animal hurt, abused or killed, or dying on the page."),
        new("kidnapping", "Kidnapping", "Abduction, hostage-taking, ransom, a person held against their will."),
        new("human-trafficking", "Human trafficking", "Sex trafficking, forced labour, debt bondage, people smuggled for exploitation."),
        new("discrimination", "Discrimination", "Racism, antisemitism, homophobia, transphobia, sexism, ableism or bigotry shown as events."),
        new("eating-disorder", "Eating disorder", "Anorexia, bulimia, binge eating, starving oneself, purging, dangerous weight control."),
    ]);

    /// <summary>Creates a taxonomy from bare ids; display names are derived from the ids.</summary>
    public static TagTaxonomy FromIds(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return new TagTaxonomy(ids.Select(id => BuiltIn.Find(id) ?? new ContentTag(id, DisplayNameOf(id), string.Empty)));
    }

    /// <summary>The tag ids in taxonomy order.</summary>
    public IReadOnlyList<string> Ids => Array.ConvertAll(_tags, t => t.Id);

    /// <inheritdoc />
    public int Count => _tags.Length;

    /// <inheritdoc />
    public ContentTag this[int index] => _tags[index];

    /// <summary>The position of a tag id, or -1 when the taxonomy does not have it.</summary>
    public int IndexOf(string id) => id is not null && _index.TryGetValue(id, out int i) ? i : -1;

    /// <summary>Whether the taxonomy has a tag with this id.</summary>
    public bool Contains(string id) => IndexOf(id) >= 0;

    /// <summary>The tag with this id, or <see langword="null"/>.</summary>
    public ContentTag? Find(string id) => IndexOf(id) is int i and >= 0 ? _tags[i] : null;

    /// <summary>Whether this taxonomy has the same ids in the same order as <paramref name="other"/>.</summary>
    public bool HasSameIds(TagTaxonomy other) =>
        other is not null && other.Count == Count && _tags.Zip(other._tags).All(p => p.First.Id == p.Second.Id);

    /// <summary>Writes tag ids in taxonomy order joined by <c>;</c> (empty for none); unknown ids throw.</summary>
    public string Format(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var positions = ids.Select(id => IndexOf(id) is int i and >= 0 ? i : throw new ArgumentException($"Unknown tag id '{id}'.", nameof(ids)));
        return string.Join(Separator, positions.Distinct().Order().Select(i => _tags[i].Id));
    }

    /// <summary>
    /// Splits a <c>tags</c> cell into ids. Whitespace around ids and empty entries (<c>"a;;b"</c>, a trailing <c>;</c>)
    /// are tolerated; malformed ids are not.
    /// </summary>
    /// <returns>The ids in the order written, or an error message naming the offending id.</returns>
    public static IReadOnlyList<string> SplitIds(string? cell, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(cell)) return [];
        var ids = new List<string>();
        foreach (string part in cell.Split(Separator))
        {
            string id = part.Trim();
            if (id.Length == 0) continue;
            if (!IsValidId(id))
            {
                error = $"'{id}' is not a valid tag id (lower-case letters, digits, '-' and '_')";
                return [];
            }
            if (!ids.Contains(id)) ids.Add(id);
        }
        return ids;
    }

    /// <summary>Whether a string is usable as a tag id: lower-case letters, digits, '-' and '_'.</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <inheritdoc />
    public IEnumerator<ContentTag> GetEnumerator() => ((IEnumerable<ContentTag>)_tags).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static string DisplayNameOf(string id)
    {
        string words = id.Replace('-', ' ').Replace('_', ' ');
        return words.Length == 0 ? id : char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex IdPattern();
}
