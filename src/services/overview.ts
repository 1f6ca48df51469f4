/** What a Dossier home holds, in counts: the first screen a newcomer sees. */
import type { Dossier } from "./dossier.ts";
import { loadDataset, type LoadResult } from "./ledger/load.ts";

export interface Overview {
  home: string;
  backend: string;
  datasets: { name: string; title: string; kind: string; visibility: string; entities: number; claims: number }[];
  sources: number;
  claims: { total: number; accepted: number; proposed: number };
}

/** Loads the built-in dataset the first time a home is used; later starts change nothing. */
export async function ensureBuiltin(d: Dossier): Promise<LoadResult | null> {
  if (await d.store.getDataset("myanmar")) return null;
  return loadDataset(d.store, "myanmar", { actor: d.actor });
}

export async function overview(d: Dossier): Promise<Overview> {
  const { store } = d;
  const datasets = await Promise.all(
    (await store.listDatasets()).map(async (ds) => ({
      name: ds.name,
      title: ds.title,
      kind: ds.kind,
      visibility: ds.visibility,
      entities: await store.countEntities({ dataset: ds.name }),
      claims: await store.countClaims({ dataset: ds.name }),
    })),
  );
  return {
    home: d.home,
    backend: store.backend,
    datasets,
    sources: await store.countSources(),
    claims: {
      total: await store.countClaims(),
      accepted: await store.countClaims({ status: "accepted" }),
      proposed: await store.countClaims({ status: "proposed" }),
    },
  };
}
