// The terminal's shell: a small line editor on xterm.js (prompt, cursor keys, history kept in the browser, Tab
// completion, Ctrl+C, Ctrl+L, paste, heredocs and backslash continuations).
// Each finished command goes to .NET (Terminal.RunAsync) with the kubeconfig context's namespace and its output is
// printed, errors in red; the answer carries the namespace after the command ("kubectl config set-context"), which the
// prompt shows and the browser keeps per sandbox. Tab asks .NET (Terminal.CompleteAsync) what the word before the cursor can become.
import { Terminal } from '/lib/xterm/xterm.mjs';
import { FitAddon } from '/lib/xterm/addon-fit.mjs';

const CONTINUATION = '> ';
// What a command without -n uses while the context names no namespace (as kubectl does).
const DEFAULT_NAMESPACE = 'default';
const HISTORY_LIMIT = 500;
const MAY_HOLD_SECRET = /secret|password|passwd|token|--from-literal|--from-env-file/i;
const RED = '\x1b[31m';
const CYAN = '\x1b[36m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';
// `cat <<EOF`, `<<-'END'`, `<< "X"`: the delimiter that ends a heredoc.
const HEREDOC = /<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/;
// A line ending in an odd number of backslashes goes on on the next line.
const CONTINUED = /(^|[^\\])(\\\\)*\\$/;
// Lines kubectl prints on stderr.
const ERROR_LINE = /^(error:|Error from server|Error:|The .* is invalid|unable to|unknown )/;

export function create(host, dotnet, historyKey, namespaceKey) {
    return new Shell(host, dotnet, historyKey, namespaceKey);
}

// Candidates laid out in columns down the screen, as bash lists them.
function columns(words, width) {
    const cell = Math.max(...words.map(w => w.length)) + 2;
    const perRow = Math.max(1, Math.floor(width / cell));
    const rows = Math.ceil(words.length / perRow);
    const lines = [];
    for (let r = 0; r < rows; r++) {
        let line = '';
        for (let c = r; c < words.length; c += rows) line += words[c].padEnd(cell);
        lines.push(line.trimEnd());
    }
    return lines.join('\r\n') + '\r\n';
}

function commonPrefix(words) {
    let prefix = words[0];
    for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
    return prefix;
}

class Shell {
    constructor(host, dotnet, historyKey, namespaceKey) {
        this.dotnet = dotnet;
        this.namespaceKey = namespaceKey;
        this.namespace = this.loadNamespace(); // null until the sandbox first answers: it then says which one the context has
        this.line = '';
        this.cursor = 0;
        this.drawnCursor = 0;
        this.historyKey = historyKey;
        this.history = this.loadHistory();
        this.historyIndex = this.history.length;
        this.leaveOnTab = false; // set by Escape: the next Tab moves the focus on instead of completing
        this.draft = ''; // the unfinished line, kept while browsing history
        this.pending = null; // { lines, delimiter } while a command goes on over several lines (delimiter: of its heredoc)
        this.input = '';
        this.working = false;

        this.term = new Terminal({
            cursorBlink: true,
            convertEol: true,
            fontFamily: '"JetBrains Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
            fontSize: 14,
            scrollback: 5000,
            screenReaderMode: true, // output is also announced, not only painted
            theme: { background: '#0f172a', foreground: '#e2e8f0', cursor: '#38bdf8', selectionBackground: '#334155', red: '#f87171', brightRed: '#fca5a5' },
        });
        this.fit = new FitAddon();
        this.term.loadAddon(this.fit);
        this.term.open(host);
        this.term.attachCustomKeyEventHandler(e => this.handleKey(e));
        this.term.onData(data => this.receive(data));
        this.resizer = new ResizeObserver(() => this.fit.fit());
        this.resizer.observe(host);
        this.fit.fit();

        this.term.writeln(`${DIM}Your own Kubernetes cluster. Try: kubectl get nodes (Tab completes)${RESET}`);
        this.usePrompt();
        this.term.write(this.prompt);
        // Someone already moving through the page with the keyboard keeps their place.
        if (!document.activeElement || document.activeElement === document.body) this.term.focus();
    }

    // False leaves a key to the browser: Shift+Tab (or Escape, Tab) moves the focus on, Ctrl+C copies a selection,
    // Ctrl+V and Ctrl+Shift+V paste.
    handleKey(e) {
        const keydown = e.type === 'keydown';
        if (e.key === 'Tab') {
            const leave = e.shiftKey || this.leaveOnTab;
            if (keydown) this.leaveOnTab = false;
            return !leave;
        }
        if (keydown && !['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) this.leaveOnTab = e.key === 'Escape';
        const key = e.key.toLowerCase();
        if (e.ctrlKey && e.shiftKey && key === 'c') {
            if (keydown && this.term.hasSelection()) navigator.clipboard?.writeText(this.term.getSelection()).catch(() => { });
            e.preventDefault();
            return false;
        }
        if (e.ctrlKey && key === 'c' && this.term.hasSelection()) return false;
        return !(e.ctrlKey && key === 'v');
    }

    usePrompt() {
        // Control characters are dropped, so that a namespace typed by anyone cannot steer the terminal.
        const shown = (this.namespace || DEFAULT_NAMESPACE).replace(/[\x00-\x1f\x7f-\x9f]/g, '');
        this.prompt = `${CYAN}${shown}${RESET} $ `;
        this.promptWidth = shown.length + 3;
    }

    // The namespace the context has, for the page's other inputs (the manifest editor applies into it).
    contextNamespace() {
        return this.namespace;
    }

    loadNamespace() {
        try {
            return localStorage.getItem(this.namespaceKey);
        } catch {
            return null; // storage switched off: the context starts at the sandbox's default
        }
    }

    // Takes the context's namespace from an answer ("" when set-context unset it); the prompt shows it from the next line on.
    adoptNamespace(namespace) {
        if (typeof namespace !== 'string' || namespace === this.namespace) return;
        this.namespace = namespace;
        try {
            localStorage.setItem(this.namespaceKey, namespace);
        } catch {
            // Storage full or switched off: the namespace lasts as long as the page.
        }
    }

    loadHistory() {
        try {
            const saved = JSON.parse(localStorage.getItem(this.historyKey) ?? '[]');
            return Array.isArray(saved) ? saved.filter(line => typeof line === 'string') : [];
        } catch {
            return []; // storage switched off or garbled: start afresh
        }
    }

    remember(line) {
        if (line.trim() === '' || this.history[this.history.length - 1] === line) return;
        this.history.push(line);
        if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
        try {
            // Lines that may carry a secret stay in this page's history only, never in the browser's storage.
            localStorage.setItem(this.historyKey, JSON.stringify(this.history.filter(kept => !MAY_HOLD_SECRET.test(kept))));
        } catch {
            // Storage full or switched off: history lasts as long as the page.
        }
    }

    dispose() {
        this.resizer.disconnect();
        this.term.dispose();
    }

    // Keys and pastes arrive here; they queue while a command runs so nothing typed ahead is lost.
    receive(data) {
        this.input += data;
        if (!this.working) this.drain();
    }

    async drain() {
        this.working = true;
        while (this.input.length > 0) {
            const token = this.nextToken();
            if (token === '\r' || token === '\n') await this.enter();
            else if (token === '\t') await this.complete();
            else this.key(token);
        }
        this.working = false;
    }

    // Splits off one escape sequence, one control character, or a run of printable text.
    nextToken() {
        const s = this.input;
        let length = 1;
        if (s[0] === '\x1b') {
            const match = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z])/.exec(s);
            length = match ? match[0].length : 1;
        } else if (s[0] >= ' ' && s[0] !== '\x7f') {
            const match = /^[^\x00-\x1f\x7f]+/.exec(s);
            length = match[0].length;
        }
        this.input = s.slice(length);
        return s.slice(0, length);
    }

    key(token) {
        switch (token) {
            case '\x03': return this.cancel();                                 // Ctrl+C
            case '\x7f': case '\b': return this.edit(this.line.slice(0, Math.max(0, this.cursor - 1)) + this.line.slice(this.cursor), this.cursor - 1);
            case '\x1b[3~': return this.edit(this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1), this.cursor);
            case '\x1b[D': return this.edit(this.line, this.cursor - 1);
            case '\x1b[C': return this.edit(this.line, this.cursor + 1);
            case '\x1b[H': case '\x1bOH': case '\x1b[1~': case '\x01': return this.edit(this.line, 0);
            case '\x1b[F': case '\x1bOF': case '\x1b[4~': case '\x05': return this.edit(this.line, this.line.length);
            case '\x15': return this.edit(this.line.slice(this.cursor), 0);      // Ctrl+U
            case '\x0c': return this.clearScreen();                            // Ctrl+L
            case '\x1b[A': return this.recall(-1);
            case '\x1b[B': return this.recall(1);
            default:
                if (token[0] >= ' ' && token[0] !== '\x1b') {
                    this.edit(this.line.slice(0, this.cursor) + token + this.line.slice(this.cursor), this.cursor + token.length);
                }
        }
    }

    recall(step) {
        if (this.pending) return;
        const index = Math.min(this.history.length, Math.max(0, this.historyIndex + step));
        if (index === this.historyIndex) return;
        if (this.historyIndex === this.history.length) this.draft = this.line;
        this.historyIndex = index;
        const text = index === this.history.length ? this.draft : this.history[index];
        this.edit(text, text.length);
    }

    // Clears the screen and the scrollback, then draws the line being edited again at the top.
    clearScreen() {
        this.term.clear();
        this.term.write('\x1b[H\x1b[2J');
        this.drawnCursor = 0;
        this.edit(this.line, this.cursor);
    }

    // One candidate completes the word; several extend it as far as they agree and are listed below the prompt.
    async complete() {
        if (this.pending) return;
        let completion;
        try {
            completion = await this.dotnet.invokeMethodAsync('CompleteAsync', this.line.slice(0, this.cursor), this.namespace);
        } catch {
            return; // the sandbox did not answer: Tab does nothing, as with no candidates
        }
        const word = completion.word ?? '';
        const candidates = completion.candidates ?? [];
        if (candidates.length === 0) return;
        if (candidates.length === 1) {
            const only = candidates[0];
            return this.insert(only.slice(word.length) + (/[=/]$/.test(only) ? '' : ' '));
        }
        const prefix = commonPrefix(candidates);
        if (prefix.length > word.length) this.insert(prefix.slice(word.length));
        const cursor = this.cursor;
        this.edit(this.line, this.line.length);
        this.term.write('\r\n' + columns(candidates, this.term.cols));
        this.drawnCursor = 0;
        this.edit(this.line, cursor);
    }

    insert(text) {
        this.edit(this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor), this.cursor + text.length);
    }

    cancel() {
        this.edit(this.line, this.line.length);
        this.term.write('^C\r\n');
        this.reset();
    }

    reset() {
        this.pending = null;
        this.line = '';
        this.cursor = this.drawnCursor = 0;
        this.usePrompt();
        this.historyIndex = this.history.length;
        this.term.write(this.prompt);
    }

    // Replaces the edited line and cursor, redrawing across wrapped rows.
    edit(line, cursor) {
        const cols = this.term.cols;
        const start = this.promptWidth;
        this.line = line;
        this.cursor = Math.min(line.length, Math.max(0, cursor));
        const up = Math.floor((start + this.drawnCursor) / cols);
        let out = (up > 0 ? `\x1b[${up}A` : '') + '\r' + this.prompt + line + '\x1b[J';
        const end = start + line.length;
        // At an exact row boundary the terminal defers the wrap; a space and backspace make it happen.
        if (end > 0 && end % cols === 0) out += ' \b';
        const target = start + this.cursor;
        const rowsBack = Math.floor(end / cols) - Math.floor(target / cols);
        out += (rowsBack > 0 ? `\x1b[${rowsBack}A` : '') + `\x1b[${(target % cols) + 1}G`;
        this.drawnCursor = this.cursor;
        this.term.write(out);
    }

    async enter() {
        const line = this.line;
        this.edit(line, line.length);
        this.term.write('\r\n');
        if (!this.pending) this.remember(line);
        const lines = [...(this.pending?.lines ?? []), line];
        const delimiter = this.pending?.delimiter;
        if (!delimiter) {
            if (CONTINUED.test(line)) return this.continueWith(lines, null);
            const heredoc = HEREDOC.exec(lines.join('\n'));
            if (heredoc) return this.continueWith(lines, heredoc[2]);
        } else if (line.replace(/^\t+/, '') !== delimiter) {
            return this.continueWith(lines, delimiter);
        }
        this.pending = null;
        await this.execute(lines.join('\n'));
    }

    continueWith(lines, delimiter) {
        this.pending = { lines, delimiter };
        this.prompt = CONTINUATION;
        this.promptWidth = CONTINUATION.length;
        this.line = '';
        this.cursor = this.drawnCursor = 0;
        this.term.write(this.prompt);
    }

    async execute(text) {
        const command = text.trim();
        if (command === 'clear') this.term.clear();
        else if (command !== '') await this.run(text);
        this.reset();
    }

    async run(text) {
        try {
            const result = await this.dotnet.invokeMethodAsync('RunAsync', text, this.namespace);
            this.print(result.output ?? '', result.exitCode ?? 0);
            this.adoptNamespace(result.namespace);
        } catch (error) {
            this.print(`error: the sandbox did not answer (${error.message ?? error})`, 1);
        }
    }

    print(output, exitCode) {
        if (output === '') return;
        const lines = output.replace(/\n$/, '').split('\n');
        const anyMarked = lines.some(l => ERROR_LINE.test(l));
        for (const line of lines) {
            const red = exitCode !== 0 && (!anyMarked || ERROR_LINE.test(line));
            this.term.write((red ? RED + line + RESET : line) + '\r\n');
        }
    }
}
