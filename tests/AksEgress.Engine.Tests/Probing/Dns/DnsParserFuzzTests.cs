using System.Net;
using AksEgress.Probing.Dns;

namespace AksEgress.Engine.Tests.Probing.Dns
{
    /// <summary>
    /// Whatever bytes arrive, the parser either reads them or throws DnsFormatException: never IndexOutOfRange,
    /// never a hang. Seeds are fixed so a failure can be replayed.
    /// </summary>
    public class DnsParserFuzzTests
    {
        [Fact]
        public void Two_thousand_random_truncated_and_mutated_messages_only_ever_give_a_format_exception()
        {
            var random = new Random(20240601);
            var valid = ValidReply();
            var inputs = new List<byte[]>();

            // Every prefix of a real, compressed reply: the cut lands in the header, a name, a pointer, an RDATA.
            for (var length = 0; length < valid.Length; length++) inputs.Add(valid.AsSpan(0, length).ToArray());

            // A real reply with a few bytes changed: counts, lengths and pointers go wrong in every way.
            while (inputs.Count < 1000)
            {
                var mutated = (byte[])valid.Clone();
                for (var i = random.Next(1, 6); i > 0; i--) mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
                inputs.Add(mutated);
            }

            // Pure noise, with a plausible header half the time so the parser gets past it.
            while (inputs.Count < 2000)
            {
                var noise = new byte[random.Next(0, 600)];
                random.NextBytes(noise);
                if (noise.Length >= 12 && random.Next(2) == 0)
                {
                    noise[4] = 0;
                    noise[5] = (byte)random.Next(0, 3);
                    noise[6] = 0;
                    noise[7] = (byte)random.Next(0, 8);
                }

                inputs.Add(noise);
            }

            var read = 0;
            var refused = 0;
            foreach (var input in inputs)
            {
                try
                {
                    DnsMessage.Parse(input);
                    read++;
                }
                catch (DnsFormatException)
                {
                    refused++;
                }
                catch (Exception e)
                {
                    Assert.Fail($"{e.GetType().Name} for {Convert.ToHexString(input)}: {e.Message}");
                }
            }

            Assert.Equal(2000, read + refused);
            Assert.True(read > 0 && refused > 0, $"read {read}, refused {refused}: the inputs should exercise both paths");
        }

        private static byte[] ValidReply() => new TestDnsWriter(compress: true)
            .Header(0x4242, TestDnsWriter.Flags(), questions: 1, answers: 4)
            .Question("api.contoso.example", 1)
            .Cname("api.contoso.example", "api.edge.contoso.example")
            .Cname("api.edge.contoso.example", "lb.westeurope.cloudapp.example")
            .Address("lb.westeurope.cloudapp.example", IPAddress.Parse("20.1.2.3"))
            .Address("lb.westeurope.cloudapp.example", IPAddress.Parse("2603:1020::5"))
            .ToArray();
    }
}
