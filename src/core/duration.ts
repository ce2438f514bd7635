import { Duration } from 'cdk8s';

/** A cdk8s Duration as a Go duration string (`2160h`, `1h30m`, `90s`), as cert-manager and Envoy expect. */
export function goDuration(duration: Duration): string {
  let seconds = Math.round(duration.toSeconds());
  if (seconds === 0) return '0s';
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  return `${hours > 0 ? `${hours}h` : ''}${minutes > 0 ? `${minutes}m` : ''}${seconds > 0 ? `${seconds}s` : ''}`;
}
