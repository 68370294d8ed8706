"""What the Graph page draws (`data/graph-view.json`) and the neighbourhood graph of an entity
page: the co-occurrence graph cut down to what a reader can take in, laid out ahead of time.

A browser that runs a force layout over 1,000 nodes needs many seconds before the drawing
stops moving, and the result differs from one visit to the next; here the layout is computed
once, at build time, so the page only draws. The choices, all deterministic (same input,
byte-identical file):

- Entities: the MAX_VIEW_NODES most mentioned that share an article with another one.
- Links: each entity keeps its VIEW_LINKS strongest links, and its TYPE_LINKS strongest to
  each type, so that the page's type filter still finds links among, say, only the people.
  The page then draws, for each entity shown, its strongest few among those (a choice the
  reader makes, 2 by default) above the minimum weight. The full graph stays in
  `data/graph.json` and `data/cooccurrence.graphml`.
- Communities: Louvain (networkx, fixed seed, nodes and edges added in sorted order) over
  those links, weighted by shared articles; numbered by size, largest first.
- Layout: each community laid out on its own (Fruchterman-Reingold, fixed seed) in a disc
  whose area grows with its size; the discs placed by the same layout over the graph of
  communities, then pushed apart until none overlap. Coordinates are whole canvas units.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import networkx as nx
import numpy as np

from .link import Index, ranked
from .model import Corpus, Entity

MAX_VIEW_NODES = 1500  # entities on the Graph page, most mentioned first
VIEW_LINKS = 8  # strongest links kept per entity
TYPE_LINKS = 3  # strongest links kept per entity and type of the other end
DEFAULT_LINKS = 2  # drawn per entity at first (the page's "links per entity")
NODE_SPACING = 70.0  # canvas units per node: a community of n nodes gets a disc of
# radius NODE_SPACING * sqrt(n)
SEED = 0
REFINE_NODES = 400  # up to this many nodes, the whole graph is laid out once more
ASPECT = 1.4  # the communities spread wider than high, as screens are
TYPE_TITLES = (("person", "people"), ("organization", "organisations"), ("place", "places"),
               ("event", "events"), ("other", "other"))


@dataclass(frozen=True)
class GraphView:
    nodes: list[Entity]  # in ranked order (most mentioned first)
    edges: list[tuple[int, int, int]]  # (index, index, weight), first index < second, sorted
    community: list[int]  # per node, 0 = the largest community
    positions: list[tuple[int, int]]  # per node, canvas units
    left_out: int = 0  # entities with links that are not drawn (beyond MAX_VIEW_NODES)

    @cached_property
    def position_of(self) -> dict[str, int]:
        return {entity.id: number for number, entity in enumerate(self.nodes)}

    def document(self, index: Index) -> dict[str, Any]:
        return {
            "about": "The Graph page's view of the co-occurrence graph: the most mentioned "
                     "entities, each one's strongest links, communities and a layout. Edges "
                     "are [node index, node index, shared articles]; the whole graph is in "
                     "graph.json and cooccurrence.graphml.",
            "default_links": DEFAULT_LINKS,
            "nodes": [{"id": e.id, "name": e.name, "type": e.type, "url": e.url,
                       "mentions": index.mention_count(e.id),
                       "articles": index.article_count(e.id), "community": community,
                       "x": x, "y": y}
                      for e, community, (x, y) in zip(self.nodes, self.community,
                                                      self.positions, strict=True)],
            "edges": [list(edge) for edge in self.edges],
        }

    def communities(self) -> int:
        return len(set(self.community))

    def summary(self) -> dict[str, Any]:
        """What the Graph page's text and controls need."""
        types: Counter[str] = Counter(e.type for e in self.nodes)
        return {"nodes": len(self.nodes), "edges": len(self.edges),
                "communities": self.communities(), "left_out": self.left_out,
                "types": types, "type_titles": [(k, t) for k, t in TYPE_TITLES if types[k]],
                "default_links": DEFAULT_LINKS,
                "max_weight": max((w for _, _, w in self.edges), default=1)}


def strength(weight: int, first: int, second: int) -> float:
    """How specific a link is: shared articles over the geometric mean of the two entities'
    articles (Salton's cosine). Raw counts would give every entity the same strongest links,
    to the few that are everywhere, and the drawing would be a star."""
    return weight / math.sqrt(max(first, 1) * max(second, 1))


def strongest(index: Index, entity: str, keep: set[str], mentions: dict[str, int],
              types: dict[str, str]) -> list[tuple[str, int]]:
    """The entity's strongest links to others in `keep`: VIEW_LINKS overall and TYPE_LINKS
    to each type; ties go to more shared articles, then the more mentioned, then by id."""
    own = index.article_count(entity)
    others = [(other, weight) for other, weight in index.cooccurrence.get(entity, {}).items()
              if other in keep]

    def key(item: tuple[str, int]) -> tuple[float, int, int, str]:
        other, weight = item
        return (-strength(weight, own, index.article_count(other)), -weight, -mentions[other],
                other)

    chosen = dict(heapq.nsmallest(VIEW_LINKS, others, key=key))
    by_type: dict[str, list[tuple[str, int]]] = {}
    for item in others:
        by_type.setdefault(types[item[0]], []).append(item)
    for members in by_type.values():
        chosen.update(heapq.nsmallest(TYPE_LINKS, members, key=key))
    return sorted(chosen.items(), key=key)


def graph_view(corpus: Corpus, index: Index) -> GraphView:
    linked = [e for e in ranked(list(corpus.entities), index) if index.cooccurrence.get(e.id)]
    candidates = {e.id for e in linked[:MAX_VIEW_NODES]}
    # Entities whose every link leads outside the cut are left out too (they would float).
    nodes = [e for e in linked[:MAX_VIEW_NODES]
             if any(other in candidates for other in index.cooccurrence[e.id])]
    keep = {e.id for e in nodes}
    position = {e.id: number for number, e in enumerate(nodes)}
    mentions = {e.id: index.mention_count(e.id) for e in nodes}
    types: dict[str, str] = {e.id: e.type for e in nodes}
    edges: set[tuple[int, int, int]] = set()
    for entity in nodes:
        for other, weight in strongest(index, entity.id, keep, mentions, types):
            first, second = sorted((position[entity.id], position[other]))
            edges.add((first, second, weight))
    edge_list = sorted(edges)
    graph = nx.Graph()
    graph.add_nodes_from(range(len(nodes)))
    graph.add_weighted_edges_from(edge_list)
    groups = communities(graph)
    community = [0] * len(nodes)
    for number, members in enumerate(groups):
        for node in members:
            community[node] = number
    return GraphView(nodes, edge_list, community, layout(graph, groups),
                     left_out=len(linked) - len(nodes))


def communities(graph: nx.Graph) -> list[list[int]]:
    """Louvain communities, largest first (ties: by smallest member), members sorted."""
    if graph.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(graph, weight="weight", seed=SEED)
    return sorted((sorted(members) for members in found), key=lambda m: (-len(m), m[0]))


def layout(graph: nx.Graph, groups: list[list[int]]) -> list[tuple[int, int]]:
    """Whole-number positions: each community in its own disc, the discs apart."""
    count = graph.number_of_nodes()
    if count == 0:
        return []
    radii = np.array([NODE_SPACING * math.sqrt(len(members)) for members in groups])
    local: list[dict[int, np.ndarray]] = []
    for members in groups:
        if len(members) == 1:
            local.append({members[0]: np.zeros(2)})
            continue
        # Unweighted: weights would pull a community's members into a knot around its hub.
        placed = nx.spring_layout(graph.subgraph(members), weight=None, seed=SEED,
                                  iterations=60)
        local.append({node: placed[node] for node in members})
    centres = community_centres(graph, groups, radii)
    start = np.zeros((count, 2))
    for number, placed in enumerate(local):
        for node, point in placed.items():
            start[node] = centres[number] + point * radii[number]
    if count <= REFINE_NODES:
        # Small graphs: one layout of the whole graph, from the communities' positions, so
        # that links between communities shorten too.
        extent = float(np.max(np.abs(start))) or 1.0
        placed = nx.spring_layout(graph, pos={n: tuple(start[n] / extent) for n in range(count)},
                                  weight=None, seed=SEED, iterations=50)
        start = np.array([placed[n] for n in range(count)])
        start *= extent / (float(np.max(np.abs(start))) or 1.0)
    return [(int(round(x)), int(round(y))) for x, y in start]


def community_centres(graph: nx.Graph, groups: list[list[int]],
                      radii: np.ndarray) -> np.ndarray:
    """Communities that share more links sit closer; no two discs overlap."""
    if len(groups) == 1:
        return np.zeros((1, 2))
    member_of = {node: number for number, members in enumerate(groups) for node in members}
    between: Counter[tuple[int, int]] = Counter()
    for first, second, weight in graph.edges(data="weight"):
        a, b = sorted((member_of[first], member_of[second]))
        if a != b:
            between[a, b] += weight
    overview = nx.Graph()
    overview.add_nodes_from(range(len(groups)))
    overview.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(between.items()))
    placed = nx.spring_layout(overview, seed=SEED, iterations=100)
    centres = np.array([placed[number] for number in range(len(groups))], dtype=float)
    # Spread the unit-square layout to the size the discs need, then push overlapping discs
    # apart (a few vectorised rounds; each moves both discs of an overlapping pair).
    centres *= math.sqrt(float(np.sum(radii ** 2))) * np.array([ASPECT, 1 / ASPECT])
    needed = radii[:, None] + radii[None, :] + NODE_SPACING
    for _ in range(200):
        delta = centres[:, None, :] - centres[None, :, :]
        distance = np.sqrt(np.sum(delta ** 2, axis=2))
        np.fill_diagonal(distance, np.inf)
        overlap = np.clip(needed - distance, 0, None)
        np.fill_diagonal(overlap, 0)
        if not overlap.any():
            break
        # Coincident centres are pulled apart along the x axis, in opposite directions.
        order = np.arange(len(groups))
        apart = np.sign(order[:, None] - order[None, :])[..., None] * np.array([1.0, 0.0])
        direction = np.where(distance[..., None] > 1e-9,
                             delta / np.maximum(distance, 1e-9)[..., None], apart)
        centres += 0.5 * np.sum(direction * overlap[..., None], axis=1)
    return centres


def neighbourhood(index: Index, entity: Entity, neighbours: list[Entity],
                  view: GraphView) -> dict[str, Any]:
    """An entity page's small graph: the entity, the neighbours its page lists, and every
    link among them (the page draws each one's strongest two); colours are the Graph
    page's communities."""
    members = [entity, *neighbours]
    position = view.position_of
    edges = []
    for first in range(len(members)):
        links = index.cooccurrence.get(members[first].id, Counter())
        for second in range(first + 1, len(members)):
            weight = links.get(members[second].id, 0)
            if weight:
                edges.append([first, second, weight])
    return {"nodes": [{"id": e.id, "name": e.name, "type": e.type, "url": e.url,
                       "mentions": index.mention_count(e.id),
                       "articles": index.article_count(e.id),
                       "community": view.community[position[e.id]] if e.id in position
                       else None} for e in members],
            "edges": edges, "default_links": DEFAULT_LINKS}
