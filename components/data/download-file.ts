/**
 * Saves text as a file of any type through a temporary `<a download>`, like downloadCsv in
 * components/download.ts, for the files that are not CSV (vCard, JSON backup).
 */
export function downloadFile(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking in the same tick can cancel the download in Firefox; a short delay lets it start first.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
