using System;
using System.Collections.Generic;

namespace AksEgress.Export
{
    /// <summary>
    /// The one way every writer makes names unique: parameters, variables, environment variables and rule names.
    /// A name space remembers what it has handed out (and what the format itself already uses); a candidate is
    /// numbered 1, 2, 3, ... until it is free. Names derived from data ("My-Dns" and "My_Dns" both read
    /// "my_dns") can therefore never be declared twice.
    /// </summary>
    internal sealed class UniqueNames
    {
        private readonly HashSet<string> _used;

        public UniqueNames(IEnumerable<string> reserved, IEqualityComparer<string>? comparer = null) =>
            _used = new HashSet<string>(reserved, comparer ?? StringComparer.OrdinalIgnoreCase);

        public bool IsFree(string name) => !_used.Contains(name);

        /// <summary>The first free name of <paramref name="candidate"/>(1), (2), ...; it is then taken.</summary>
        public string Take(Func<int, string> candidate) => Take(new[] { (this, candidate) })[0];

        /// <summary>
        /// One name in each space, all with the same number: the first n for which every space's candidate(n) is
        /// free. The names an input gets in the several formats then correspond (destinationMyDns2,
        /// destination_my_dns_2, DESTINATION_MY_DNS_2).
        /// </summary>
        public static string[] Take(IReadOnlyList<(UniqueNames Space, Func<int, string> Candidate)> spaces)
        {
            for (var n = 1; ; n++)
            {
                var names = new string[spaces.Count];
                var free = true;
                for (var i = 0; i < spaces.Count && free; i++)
                {
                    names[i] = spaces[i].Candidate(n);
                    free = spaces[i].Space.IsFree(names[i]);
                }
                if (!free) continue;
                for (var i = 0; i < spaces.Count; i++) spaces[i].Space._used.Add(names[i]);
                return names;
            }
        }
    }
}
