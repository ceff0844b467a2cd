using System.Text;

namespace Playground.Core.Kubectl.Printers.Yaml;

/// <summary>
/// The order go-yaml v2 sorts map keys in: letters by code point, non-letters before letters, and runs of digits
/// compared as numbers ("item2" before "item10").
/// </summary>
public sealed class YamlKeyOrder : IComparer<string>
{
    public static readonly YamlKeyOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").EnumerateRunes().ToArray();
        var b = (y ?? "").EnumerateRunes().ToArray();
        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            if (a[i] == b[i]) continue;
            var aLetter = Rune.IsLetter(a[i]);
            var bLetter = Rune.IsLetter(b[i]);
            if (aLetter && bLetter) return a[i].Value.CompareTo(b[i].Value);
            if (aLetter || bLetter) return aLetter ? 1 : -1;

            long aNumber = 0, bNumber = 0;
            // A run that continues earlier non-zero digits ("10" vs "1x") is compared from there, not as a fresh zero.
            if (a[i].Value == '0' || b[i].Value == '0')
                for (var j = i - 1; j >= 0 && Rune.IsDigit(a[j]); j--)
                    if (a[j].Value != '0') { aNumber = 1; bNumber = 1; break; }
            var aEnd = i;
            for (; aEnd < a.Length && Rune.IsDigit(a[aEnd]); aEnd++) aNumber = aNumber * 10 + (a[aEnd].Value - '0');
            var bEnd = i;
            for (; bEnd < b.Length && Rune.IsDigit(b[bEnd]); bEnd++) bNumber = bNumber * 10 + (b[bEnd].Value - '0');
            if (aNumber != bNumber) return aNumber.CompareTo(bNumber);
            if (aEnd != bEnd) return aEnd.CompareTo(bEnd);
            return a[i].Value.CompareTo(b[i].Value);
        }
        return a.Length.CompareTo(b.Length);
    }
}
