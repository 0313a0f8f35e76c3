/**
 * Saves text as a file through a temporary `<a download>`: works in the popup and the full page
 * without the `downloads` permission.
 */
export function downloadFile(fileName: string, content: string | Blob, mimeType: string): void {
  const url = URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type: mimeType }) : content);
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

export function downloadCsv(fileName: string, csv: string | Blob): void {
  downloadFile(fileName, csv, 'text/csv;charset=utf-8');
}
