/** IPFS URI helpers without Node dependencies (the dashboard uses them in the browser). */

/** The IPFS path Kleros' ERC-1497 documentation and UIs use for a CID: `/ipfs/<cid>`. */
export function ipfsPath(cid: string): string {
  return `/ipfs/${cid}`;
}

/**
 * The CID in an IPFS URI: `/ipfs/<cid>[/...]`, `ipfs://<cid>[/...]` or `ipfs/<cid>`; undefined for anything else.
 */
export function cidOfIpfsUri(uri: string): string | undefined {
  const match = /^(?:ipfs:\/\/|\/?ipfs\/)([A-Za-z0-9]+)(?:\/.*)?$/.exec(uri.trim());
  return match?.[1];
}
