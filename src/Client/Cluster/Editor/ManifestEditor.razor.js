// Loads Monaco, which the BlazorMonaco package ships as static web assets, once per page and only where the editor is
// shown; and sets the editor's problem markers, which BlazorMonaco has no call for.
const BASE = '/_content/BlazorMonaco/';
let loading;

// The page pays for Monaco (megabytes of script) only once the editor is first shown; .NET hears back through
// callbacks, not a pending call, since that may take longer than an interop call may wait.
export function loadWhenShown(element, dotnet) {
    const observer = new IntersectionObserver(entries => {
        if (!entries.some(e => e.isIntersecting)) return;
        observer.disconnect();
        loadMonaco().then(
            () => dotnet.invokeMethodAsync('MonacoLoaded'),
            error => dotnet.invokeMethodAsync('MonacoFailed', String(error?.message ?? error)));
    });
    observer.observe(element);
}

function loadMonaco() {
    // jsInterop.js configures the AMD loader (its "require" paths) and defines BlazorMonaco's calls; loader.js then
    // loads editor.main, which defines the global "monaco".
    loading ??= script(BASE + 'jsInterop.js')
        .then(() => script(BASE + 'lib/monaco-editor/min/vs/loader.js'))
        .then(() => new Promise((resolve, reject) => window.require(['vs/editor/editor.main'], resolve, reject)))
        .then(followPageTheme);
    return loading;
}

// Monaco's theme is global: light or dark with the page (theme.js sets data-bs-theme on <html>).
function followPageTheme() {
    const root = document.documentElement;
    const apply = () => monaco.editor.setTheme(root.getAttribute('data-bs-theme') === 'dark' ? 'vs-dark' : 'vs');
    apply();
    new MutationObserver(apply).observe(root, { attributes: true, attributeFilter: ['data-bs-theme'] });
}

function script(src) {
    return new Promise((resolve, reject) => {
        const element = document.createElement('script');
        element.src = src;
        element.onload = resolve;
        element.onerror = () => reject(new Error(`could not load ${src}`));
        document.head.append(element);
    });
}

// Each problem underlines its whole line (from the first non-blank character) with the message on hover.
export function setMarkers(modelUri, problems) {
    const model = monaco.editor.getModel(monaco.Uri.parse(modelUri));
    if (!model) return;
    const markers = problems
        .filter(p => p.line >= 1 && p.line <= model.getLineCount())
        .map(p => ({
            severity: monaco.MarkerSeverity.Error,
            message: p.message,
            source: 'kubectl apply --dry-run=server',
            startLineNumber: p.line,
            startColumn: Math.max(1, model.getLineFirstNonWhitespaceColumn(p.line)),
            endLineNumber: p.line,
            endColumn: model.getLineMaxColumn(p.line),
        }));
    monaco.editor.setModelMarkers(model, 'kubectl', markers);
}
