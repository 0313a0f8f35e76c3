/**
 * What went wrong, in plain words, announced at once (role="alert"); nothing when there is nothing to say.
 * Every view reports its failures through this one element, so they look and sound the same everywhere.
 */
export function Alert({ message }: { message: string | undefined | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="alert">
      {message}
    </p>
  );
}
