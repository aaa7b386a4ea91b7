/**
 * How long the async clipboard may take before the older path is tried: in a CI run on a loaded
 * machine the log's Copy all button showed no outcome within 20 s.
 */
const CLIPBOARD_WAIT_MS = 1000;

/** Copies text; resolves false when the browser refuses (no permission, insecure context). */
export async function copyText(text: string): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      navigator.clipboard.writeText(text),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('the clipboard did not answer')), CLIPBOARD_WAIT_MS))),
    ]);
    return true;
  } catch {
    // Older path for pages without the async clipboard: a selected, off-screen textarea.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.left = '-9999px';
    document.body.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  } finally {
    clearTimeout(timer);
  }
}
