using System.Text;

namespace ContentTags.Tests.Text;

/// <summary>
/// Texts that exercise every rule the featurizer mirrors: tokenization on U+0020 only, punctuation removal, casing,
/// diacritics, surrogates, markers, repeated n-grams, empty results.
/// </summary>
internal static class ParityCorpus
{
    private static readonly string[] Handwritten =
    [
        "",
        " ",
        "   ",
        "\t",
        "\n",
        "\r\n",
        "\t \n \r ",
        "\u00A0",
        "\u2003 \u2003",
        "a",
        "A",
        "ab",
        "abc",
        "abcd",
        "!",
        "!!!",
        "...",
        "?!",
        "\"'()[]{}",
        "- -- ---",
        "The dog dies at the end.",
        "THE DOG DIES AT THE END!",
        "The dog dies. The dog dies. The dog dies.",
        "dog dog dog dog dog dog dog",
        "He took his own life after years of abuse.",
        "She was sexually assaulted in the second act; it's handled with care.",
        "Don't watch this if you're sensitive to animal cruelty.",
        "Self-harm, suicide-ideation and well-being: a three-part story.",
        "It's rated R for violence, gore & strong language (lots of it).",
        "U.S.A. vs. U.K. -- round 2",
        "e-mail: someone@example.com, site: https://example.com/path?q=1&x=2",
        "Costs $19.99, or £15, or €17 — cheap!",
        "1984",
        "In 1984, 3.14 and 2,718 and 1/2 and 50% and #1 and 10x",
        "Arabic-Indic digits ٣٤٥ and fullwidth １２３ and superscript ² and roman Ⅻ",
        "Tabs\tinside\twords and\nnew\nlines and\r\ncarriage returns",
        "multiple    spaces     between   words",
        "  leading and trailing spaces  ",
        "Café naïve résumé coöperate façade jalapeño",
        "CAFÉ NAÏVE RÉSUMÉ ÅNGSTRÖM ØRESUND ÆSIR",
        "İstanbul ıstanbul ǅemal ǈubljana ǋ",
        "Straße Maß ß ẞ",
        "Ελληνικά: Ώρα ΐ ΰ Άλφα ώρα ϊ ϋ ϓ ϔ",
        "Русский: Йод ёлка Ёж Ўзбек ї Ї ӂ Ӂ ӝ",
        "Tiếng Việt có dấu: Người ạ ẩ ặ",
        "Combining: e\u0301 a\u0300 o\u0308 n\u0303 u\u0328 z\u030C",
        "Hebrew with points: שָׁלוֹם הַסֶּרֶט הַזֶּה אַלִּים",
        "Arabic: هذا الفيلم عنيف جدا، وفيه انتحار.",
        "Arabic with harakat: كَتَبَ الطَّالِبُ الدَّرْسَ",
        "Mixed RTL and LTR: the word שלום means peace, and سلام too.",
        "\u202Bembedded RTL\u202C and \u200Fmarks\u200E",
        "中文：这部电影很暴力，有自杀情节。",
        "日本語のテキスト、動物が死ぬ。",
        "한국어 텍스트: 폭력적인 장면",
        "Emoji: 😀 🔪 ❤️ 👨‍👩‍👧 🏳️‍🌈 👍🏽",
        "😀😀😀😀",
        "🔪",
        "Lone high surrogate: \uD800 here",
        "Lone low surrogate: \uDC00 here",
        "Reversed pair: \uDC00\uD800",
        "\uD83D",
        "\uDE00",
        "abc\uD800",
        "\uDFFFxyz",
        "NUL inside: a\0b \0 \0\0",
        "\0",
        "Control chars: \u0001\u0002\u0003\u001F\u007F\u0085\u009F",
        "\u0002\u0003",
        "Zero width: a\u200Bb\u200Cc\u200Dd\uFEFFe",
        "Noncharacters: \uFFFE \uFFFF \uFDD0",
        "Private use: \uE000\uF8FF",
        "Line and paragraph separators: a\u2028b\u2029c",
        "Fancy quotes: “quoted” ‘single’ «guillemets» „low“",
        "Dashes: en–dash em—dash minus−sign hyphen‐x",
        "Math: a+b=c, x<y>z, 2^8, ~tilde, |pipe|, `tick`",
        "Ellipsis… and bullets • and middle dot · and section §",
        "Underscores_and_snake_case and camelCase and PascalCase",
        "ALL CAPS SHOUTING ABOUT GORE",
        "mIxEd CaSe TeXt",
        "repeated repeated repeated words words",
        "the the the the the the the the the the the the the the the the",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "ab ab ab ab ab ab ab ab",
        "I'm not crying, you're crying: the cat doesn't make it.",
        "Spoiler: the horse is put down. Trigger warnings: animal death, grief.",
        "Contains: domestic violence; child abuse; drug use; self harm.",
        "Graphic torture scenes, blood and gore throughout.",
        "No content warnings apply to this gentle family film.",
        "Sexual violence is implied but not shown.",
        "A dog is harmed (but survives) in chapter 3.",
        "Suicidal ideation, suicide attempt, suicidal thoughts, suicide.",
        "Abuse, abusive, abuser, abused.",
        "Racism and racist slurs; homophobia; transphobia.",
        "Eating disorders: anorexia & bulimia.",
        "War, bombing, genocide; mass shootings.",
        "Kidnapping/abduction of a minor.",
        "Pregnancy loss (miscarriage) and stillbirth.",
        "Needles, blood draws, medical procedures.",
        "Flashing lights — photosensitive epilepsy warning!!!",
        "Claustrophobia: trapped underground in a cave.",
        "Insects/spiders everywhere. Arachnophobes beware!",
        "Incest is a major plot point.",
        "Cannibalism, body horror & mutilation.",
        "Jump scares (lots), but no gore.",
        "Sexual content: explicit sex scenes.",
    ];

    private static readonly string[] Vocabulary =
    [
        "the", "a", "dog", "cat", "horse", "dies", "died", "death", "suicide", "suicidal", "abuse", "abusive",
        "violence", "violent", "blood", "gore", "assault", "self-harm", "rape", "war", "torture", "fear",
        "film", "book", "game", "show", "scene", "chapter", "end", "beginning", "character", "mother", "father",
        "child", "children", "friend", "takes", "took", "his", "her", "own", "life", "it's", "don't", "won't",
        "café", "naïve", "ÉTÉ", "über", "Ελλάδα", "Москва", "東京", "القاهرة", "שלום", "😀", "🔪", "1984",
        "3.14", "50%", "$20", "well-being", "(aside)", "“quote”", "...", "!", "?", "—", "\t", "\n", "a\u0301",
    ];

    /// <summary>The full corpus: the handwritten texts, generated combinations, and one text of about a megabyte.</summary>
    public static IReadOnlyList<string> All { get; } = Build(includeMegabyte: true);

    /// <summary>The corpus without the megabyte text, for the slower settings variants.</summary>
    public static IReadOnlyList<string> WithoutMegabyte { get; } = Build(includeMegabyte: false);

    private static List<string> Build(bool includeMegabyte)
    {
        var texts = new List<string>(Handwritten);
        var random = new Random(20240607);

        // Random sentences from a vocabulary that mixes scripts, punctuation, casing and repeats.
        for (int i = 0; i < 80; i++)
        {
            int words = random.Next(1, 40);
            var sb = new StringBuilder();
            for (int w = 0; w < words; w++)
            {
                if (w > 0)
                    sb.Append(random.Next(10) == 0 ? "  " : " ");
                string word = Vocabulary[random.Next(Vocabulary.Length)];
                sb.Append(random.Next(4) == 0 ? word.ToUpperInvariant() : word);
                if (random.Next(6) == 0)
                    sb.Append(",.;:!?"[random.Next(6)]);
            }

            texts.Add(sb.ToString());
        }

        // Random code units, including lone surrogates and control characters.
        for (int i = 0; i < 20; i++)
        {
            var chars = new char[random.Next(1, 60)];
            for (int c = 0; c < chars.Length; c++)
                chars[c] = random.Next(3) == 0 ? ' ' : (char)random.Next(0, char.MaxValue + 1);
            texts.Add(new string(chars));
        }

        texts.Add(string.Join(' ', Enumerable.Repeat("A long review that repeats itself, with some violence.", 400)));
        if (includeMegabyte)
            texts.Add(MegabyteText(random));
        return texts;
    }

    private static string MegabyteText(Random random)
    {
        var sb = new StringBuilder(1 << 20);
        while (sb.Length < 1 << 20)
        {
            sb.Append(Vocabulary[random.Next(Vocabulary.Length)]);
            sb.Append(random.Next(12) == 0 ? ". " : " ");
        }

        return sb.ToString();
    }
}
