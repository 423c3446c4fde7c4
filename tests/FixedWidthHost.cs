// A PowerShell host whose console is a fixed number of columns wide, for tests of what a user sees: Out-Default
// lays tables out for the host's buffer width exactly as it does in a terminal of that width (ConsoleLineOutput),
// which Out-String -Width does not. Compiled by tests/Formatting.Tests.ps1 with Add-Type.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace PdTests
{
    public sealed class FixedWidthHost : PSHost
    {
        private readonly FixedWidthUserInterface _ui;

        public FixedWidthHost(int columns)
        {
            _ui = new FixedWidthUserInterface(columns);
        }

        /// <summary>Everything written to the console, as the user would read it.</summary>
        public string Output => _ui.Text.ToString();

        public override string Name => "FixedWidthHost";

        public override Version Version => new Version(1, 0);

        public override Guid InstanceId { get; } = Guid.NewGuid();

        public override PSHostUserInterface UI => _ui;

        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

        public override void SetShouldExit(int exitCode)
        {
        }

        public override void EnterNestedPrompt() => throw new NotSupportedException();

        public override void ExitNestedPrompt() => throw new NotSupportedException();

        public override void NotifyBeginApplication()
        {
        }

        public override void NotifyEndApplication()
        {
        }

        private sealed class FixedWidthUserInterface : PSHostUserInterface
        {
            private readonly FixedWidthRawUserInterface _raw;

            public FixedWidthUserInterface(int columns)
            {
                _raw = new FixedWidthRawUserInterface(columns);
            }

            public StringBuilder Text { get; } = new StringBuilder();

            public override PSHostRawUserInterface RawUI => _raw;

            public override void Write(string value) => Text.Append(value);

            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Text.Append(value);

            public override void WriteLine(string value) => Text.Append(value).Append('\n');

            public override void WriteErrorLine(string value) => Text.Append(value).Append('\n');

            public override void WriteDebugLine(string message) => Text.Append("DEBUG: ").Append(message).Append('\n');

            public override void WriteVerboseLine(string message) => Text.Append("VERBOSE: ").Append(message).Append('\n');

            public override void WriteWarningLine(string message) => Text.Append("WARNING: ").Append(message).Append('\n');

            public override void WriteProgress(long sourceId, ProgressRecord record)
            {
            }

            public override string ReadLine() => throw new NotSupportedException();

            public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();

            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();

            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw new NotSupportedException();
        }

        private sealed class FixedWidthRawUserInterface : PSHostRawUserInterface
        {
            private readonly int _columns;

            public FixedWidthRawUserInterface(int columns)
            {
                _columns = columns;
            }

            public override Size BufferSize { get => new Size(_columns, 9999); set { } }

            public override Size WindowSize { get => new Size(_columns, 50); set { } }

            public override Size MaxWindowSize => new Size(_columns, 50);

            public override Size MaxPhysicalWindowSize => new Size(_columns, 50);

            public override Coordinates CursorPosition { get; set; }

            public override Coordinates WindowPosition { get; set; }

            public override int CursorSize { get; set; }

            public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

            public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

            public override string WindowTitle { get; set; } = string.Empty;

            public override bool KeyAvailable => false;

            public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();

            public override void FlushInputBuffer()
            {
            }

            public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();

            public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException();

            public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException();

            public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException();
        }
    }
}
