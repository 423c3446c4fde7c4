using System;
using System.Globalization;
using System.Management.Automation;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>
    /// A number of seconds within a range, refused with a message that states the range (and what to do instead),
    /// where ValidateRange names only the bound that was crossed.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ValidateSecondsAttribute : ValidateArgumentsAttribute
    {
        public ValidateSecondsAttribute(int minimum, int maximum, string advice)
        {
            Minimum = minimum;
            Maximum = maximum;
            Advice = advice;
        }

        public int Minimum { get; }

        public int Maximum { get; }

        public string Advice { get; }

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            object value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (value is int seconds && seconds >= Minimum && seconds <= Maximum)
            {
                return;
            }

            throw new ValidationMetadataException(string.Format(
                CultureInfo.InvariantCulture,
                "{0} is out of range: give {1} to {2} seconds (at most {3}). {4}",
                value,
                Minimum,
                Maximum,
                Describe(Maximum),
                Advice));
        }

        private static string Describe(int seconds) =>
            seconds % 86400 == 0 ? (seconds / 86400 == 1 ? "a day" : $"{seconds / 86400} days") : $"{seconds / 3600.0:0.#} hours";
    }
}
