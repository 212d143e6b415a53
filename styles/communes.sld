<?xml version="1.0" encoding="UTF-8"?>
<!--
  Communes (real: IGN ADMIN EXPRESS COG 2018, simplified). SLD 1.0.0.
  Scale denominators are OGC standard-rendering-pixel scales (0.28 mm): 1:250 000 is about web-mercator z12 at 45°N.
  default         violet commune limits, names with a white halo sized and prioritised by population.
  communes_epci   communes coloured by their EPCI (intercommunality), limits and names on top.
-->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>communes</Name>
    <UserStyle>
      <Name>default</Name>
      <Title>Communes</Title>
      <Abstract>Limites communales et noms des communes, taille et priorité selon la population.</Abstract>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Name>limites</Name>
        <Rule>
          <Name>limites_petite_echelle</Name>
          <Title>Limite communale</Title>
          <MinScaleDenominator>250000</MinScaleDenominator>
          <PolygonSymbolizer>
            <Stroke>
              <CssParameter name="stroke">#7A6A8A</CssParameter>
              <CssParameter name="stroke-width">0.6</CssParameter>
              <CssParameter name="stroke-opacity">0.8</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>limites_grande_echelle</Name>
          <Title>Limite communale</Title>
          <MaxScaleDenominator>250000</MaxScaleDenominator>
          <!-- A soft violet band under a thin solid line. Not the usual dash-dot: every shared border is the outline of two
               communes, drawn twice from different starting points, so two dash patterns out of phase read as a
               blurred solid line anyway. -->
          <PolygonSymbolizer>
            <Stroke>
              <CssParameter name="stroke">#B9A8CC</CssParameter>
              <CssParameter name="stroke-width">5</CssParameter>
              <CssParameter name="stroke-opacity">0.35</CssParameter>
              <CssParameter name="stroke-linejoin">round</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
          <PolygonSymbolizer>
            <Stroke>
              <CssParameter name="stroke">#7D6A96</CssParameter>
              <CssParameter name="stroke-width">0.8</CssParameter>
              <CssParameter name="stroke-linejoin">round</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
      <FeatureTypeStyle>
        <Name>noms</Name>
        <Rule>
          <Name>nom_ville</Name>
          <Title>Communes de 10 000 habitants et plus</Title>
          <ogc:Filter>
            <ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyName>population</ogc:PropertyName>
              <ogc:Literal>10000</ogc:Literal>
            </ogc:PropertyIsGreaterThanOrEqualTo>
          </ogc:Filter>
          <TextSymbolizer>
            <Label><ogc:PropertyName>nom</ogc:PropertyName></Label>
            <Font>
              <CssParameter name="font-family">DejaVu Sans</CssParameter>
              <CssParameter name="font-size">14</CssParameter>
              <CssParameter name="font-style">normal</CssParameter>
              <CssParameter name="font-weight">bold</CssParameter>
            </Font>
            <LabelPlacement>
              <PointPlacement>
                <AnchorPoint>
                  <AnchorPointX>0.5</AnchorPointX>
                  <AnchorPointY>0.5</AnchorPointY>
                </AnchorPoint>
              </PointPlacement>
            </LabelPlacement>
            <Halo>
              <Radius>2</Radius>
              <Fill>
                <CssParameter name="fill">#FFFFFF</CssParameter>
                <CssParameter name="fill-opacity">0.85</CssParameter>
              </Fill>
            </Halo>
            <Fill>
              <CssParameter name="fill">#2f2540</CssParameter>
            </Fill>
            <Priority><ogc:PropertyName>population</ogc:PropertyName></Priority>
            <VendorOption name="autoWrap">90</VendorOption>
            <VendorOption name="maxDisplacement">40</VendorOption>
            <VendorOption name="spaceAround">4</VendorOption>
            <VendorOption name="conflictResolution">true</VendorOption>
            <VendorOption name="partials">false</VendorOption>
          </TextSymbolizer>
        </Rule>
        <Rule>
          <Name>nom_bourg</Name>
          <Title>Communes de 2 000 à 9 999 habitants</Title>
          <ogc:Filter>
            <ogc:PropertyIsBetween>
              <ogc:PropertyName>population</ogc:PropertyName>
              <ogc:LowerBoundary><ogc:Literal>2000</ogc:Literal></ogc:LowerBoundary>
              <ogc:UpperBoundary><ogc:Literal>9999</ogc:Literal></ogc:UpperBoundary>
            </ogc:PropertyIsBetween>
          </ogc:Filter>
          <MaxScaleDenominator>500000</MaxScaleDenominator>
          <TextSymbolizer>
            <Label><ogc:PropertyName>nom</ogc:PropertyName></Label>
            <Font>
              <CssParameter name="font-family">DejaVu Sans</CssParameter>
              <CssParameter name="font-size">12</CssParameter>
              <CssParameter name="font-style">normal</CssParameter>
              <CssParameter name="font-weight">normal</CssParameter>
            </Font>
            <LabelPlacement>
              <PointPlacement>
                <AnchorPoint>
                  <AnchorPointX>0.5</AnchorPointX>
                  <AnchorPointY>0.5</AnchorPointY>
                </AnchorPoint>
              </PointPlacement>
            </LabelPlacement>
            <Halo>
              <Radius>2</Radius>
              <Fill>
                <CssParameter name="fill">#FFFFFF</CssParameter>
                <CssParameter name="fill-opacity">0.85</CssParameter>
              </Fill>
            </Halo>
            <Fill>
              <CssParameter name="fill">#2f2540</CssParameter>
            </Fill>
            <Priority><ogc:PropertyName>population</ogc:PropertyName></Priority>
            <VendorOption name="autoWrap">90</VendorOption>
            <VendorOption name="maxDisplacement">40</VendorOption>
            <VendorOption name="spaceAround">4</VendorOption>
            <VendorOption name="conflictResolution">true</VendorOption>
            <VendorOption name="partials">false</VendorOption>
          </TextSymbolizer>
        </Rule>
        <Rule>
          <Name>nom_village</Name>
          <Title>Communes de moins de 2 000 habitants</Title>
          <ogc:Filter>
            <ogc:PropertyIsLessThan>
              <ogc:PropertyName>population</ogc:PropertyName>
              <ogc:Literal>2000</ogc:Literal>
            </ogc:PropertyIsLessThan>
          </ogc:Filter>
          <MaxScaleDenominator>150000</MaxScaleDenominator>
          <TextSymbolizer>
            <Label><ogc:PropertyName>nom</ogc:PropertyName></Label>
            <Font>
              <CssParameter name="font-family">DejaVu Sans</CssParameter>
              <CssParameter name="font-size">10</CssParameter>
              <CssParameter name="font-style">normal</CssParameter>
              <CssParameter name="font-weight">normal</CssParameter>
            </Font>
            <LabelPlacement>
              <PointPlacement>
                <AnchorPoint>
                  <AnchorPointX>0.5</AnchorPointX>
                  <AnchorPointY>0.5</AnchorPointY>
                </AnchorPoint>
              </PointPlacement>
            </LabelPlacement>
            <Halo>
              <Radius>2</Radius>
              <Fill>
                <CssParameter name="fill">#FFFFFF</CssParameter>
                <CssParameter name="fill-opacity">0.85</CssParameter>
              </Fill>
            </Halo>
            <Fill>
              <CssParameter name="fill">#2f2540</CssParameter>
            </Fill>
            <Priority><ogc:PropertyName>population</ogc:PropertyName></Priority>
            <VendorOption name="autoWrap">90</VendorOption>
            <VendorOption name="maxDisplacement">40</VendorOption>
            <VendorOption name="spaceAround">4</VendorOption>
            <VendorOption name="conflictResolution">true</VendorOption>
            <VendorOption name="partials">false</VendorOption>
          </TextSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
    <UserStyle>
      <Name>communes_epci</Name>
      <Title>Communes par EPCI</Title>
      <Abstract>Communes colorées selon leur EPCI à fiscalité propre (palette qualitative ColorBrewer Set3/Pastel1).</Abstract>
      <FeatureTypeStyle>
        <Name>epci</Name>
        <Rule>
          <Name>epci_200034700</Name>
          <Title>CA Durance-Lubéron-Verdon Agglomération</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>epci</ogc:PropertyName>
              <ogc:Literal>200034700</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#8dd3c7</CssParameter>
              <CssParameter name="fill-opacity">0.75</CssParameter>
            </Fill>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>epci_200040624</Name>
          <Title>CC Pays d'Apt-Luberon</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>epci</ogc:PropertyName>
              <ogc:Literal>200040624</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#ffffb3</CssParameter>
              <CssParameter name="fill-opacity">0.75</CssParameter>
            </Fill>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>epci_200067320</Name>
          <Title>CC Serre-Ponçon Val d'Avance</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>epci</ogc:PropertyName>
              <ogc:Literal>200067320</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#bebada</CssParameter>
              <CssParameter name="fill-opacity">0.75</CssParameter>
            </Fill>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>epci_200067437</Name>
          <Title>CA Provence-Alpes-Agglomération</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>epci</ogc:PropertyName>
              <ogc:Literal>200067437</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#fb8072</CssParameter>
              <CssParameter name="fill-opacity">0.75</CssParameter>
            </Fill>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>epci_200067445</Name>
          <Title>CC Buëch-Dévoluy</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>epci</ogc:PropertyName>
              <ogc:Literal>200067445</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#80b1d3</CssParameter>
              <CssParameter name="fill-opacity">0.75</CssParameter>
            </Fill>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>epci_200067452</Name>
          <Title>CC du Guillestrois et du Queyras</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>epci</ogc:PropertyName>
              <ogc:Literal>200067452</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#fdb462</CssParameter>
              <CssParameter name="fill-opacity">0.75</CssParameter>
            </Fill>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>epci_200067742</Name>
          <Title>CC Serre-Ponçon</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>epci</ogc:PropertyName>
              <ogc:Literal>200067742</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#b3de69</CssParameter>
              <CssParameter name="fill-opacity">0.75</CssParameter>
            </Fill>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>epci_200067825</Name>
          <Title>CA Gap-Tallard-Durance</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>epci</ogc:PropertyName>
              <ogc:Literal>200067825</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#fccde5</CssParameter>
              <CssParameter name="fill-opacity">0.75</CssParameter>
            </Fill>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>epci_200068096</Name>
          <Title>CC Champsaur-Valgaudemar</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>epci</ogc:PropertyName>
              <ogc:Literal>200068096</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#d9d9d9</CssParameter>
              <CssParameter name="fill-opacity">0.75</CssParameter>
            </Fill>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>epci_200068625</Name>
          <Title>CC Alpes-Provence-Verdon « Sources de lumière »</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>epci</ogc:PropertyName>
              <ogc:Literal>200068625</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#bc80bd</CssParameter>
              <CssParameter name="fill-opacity">0.75</CssParameter>
            </Fill>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>epci_200068765</Name>
          <Title>CC du Sisteronais-Buëch</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>epci</ogc:PropertyName>
              <ogc:Literal>200068765</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#ccebc5</CssParameter>
              <CssParameter name="fill-opacity">0.75</CssParameter>
            </Fill>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>epci_200071025</Name>
          <Title>CC Haute-Provence - Pays de Banon</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>epci</ogc:PropertyName>
              <ogc:Literal>200071025</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#ffed6f</CssParameter>
              <CssParameter name="fill-opacity">0.75</CssParameter>
            </Fill>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>epci_200071033</Name>
          <Title>CC Jabron-Lure-Vançon-Durance</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>epci</ogc:PropertyName>
              <ogc:Literal>200071033</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#fbb4ae</CssParameter>
              <CssParameter name="fill-opacity">0.75</CssParameter>
            </Fill>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>epci_200072304</Name>
          <Title>CC Vallée de l'Ubaye - Serre-Ponçon</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>epci</ogc:PropertyName>
              <ogc:Literal>200072304</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#b3cde3</CssParameter>
              <CssParameter name="fill-opacity">0.75</CssParameter>
            </Fill>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>epci_240400440</Name>
          <Title>CC Pays Forcalquier et Montagne de Lure</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>epci</ogc:PropertyName>
              <ogc:Literal>240400440</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#decbe4</CssParameter>
              <CssParameter name="fill-opacity">0.75</CssParameter>
            </Fill>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>epci_240500439</Name>
          <Title>CC du Briançonnais</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>epci</ogc:PropertyName>
              <ogc:Literal>240500439</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#fed9a6</CssParameter>
              <CssParameter name="fill-opacity">0.75</CssParameter>
            </Fill>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>epci_240500462</Name>
          <Title>CC du Pays des Ecrins</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>epci</ogc:PropertyName>
              <ogc:Literal>240500462</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#e5d8bd</CssParameter>
              <CssParameter name="fill-opacity">0.75</CssParameter>
            </Fill>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
      <FeatureTypeStyle>
        <Name>limites</Name>
        <Rule>
          <Name>limites_petite_echelle</Name>
          <Title>Limite communale</Title>
          <MinScaleDenominator>250000</MinScaleDenominator>
          <PolygonSymbolizer>
            <Stroke>
              <CssParameter name="stroke">#7A6A8A</CssParameter>
              <CssParameter name="stroke-width">0.6</CssParameter>
              <CssParameter name="stroke-opacity">0.8</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>limites_grande_echelle</Name>
          <Title>Limite communale</Title>
          <MaxScaleDenominator>250000</MaxScaleDenominator>
          <!-- A soft violet band under a thin solid line. Not the usual dash-dot: every shared border is the outline of two
               communes, drawn twice from different starting points, so two dash patterns out of phase read as a
               blurred solid line anyway. -->
          <PolygonSymbolizer>
            <Stroke>
              <CssParameter name="stroke">#B9A8CC</CssParameter>
              <CssParameter name="stroke-width">5</CssParameter>
              <CssParameter name="stroke-opacity">0.35</CssParameter>
              <CssParameter name="stroke-linejoin">round</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
          <PolygonSymbolizer>
            <Stroke>
              <CssParameter name="stroke">#7D6A96</CssParameter>
              <CssParameter name="stroke-width">0.8</CssParameter>
              <CssParameter name="stroke-linejoin">round</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
      <FeatureTypeStyle>
        <Name>noms</Name>
        <Rule>
          <Name>nom_ville</Name>
          <Title>Communes de 10 000 habitants et plus</Title>
          <ogc:Filter>
            <ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyName>population</ogc:PropertyName>
              <ogc:Literal>10000</ogc:Literal>
            </ogc:PropertyIsGreaterThanOrEqualTo>
          </ogc:Filter>
          <TextSymbolizer>
            <Label><ogc:PropertyName>nom</ogc:PropertyName></Label>
            <Font>
              <CssParameter name="font-family">DejaVu Sans</CssParameter>
              <CssParameter name="font-size">14</CssParameter>
              <CssParameter name="font-style">normal</CssParameter>
              <CssParameter name="font-weight">bold</CssParameter>
            </Font>
            <LabelPlacement>
              <PointPlacement>
                <AnchorPoint>
                  <AnchorPointX>0.5</AnchorPointX>
                  <AnchorPointY>0.5</AnchorPointY>
                </AnchorPoint>
              </PointPlacement>
            </LabelPlacement>
            <Halo>
              <Radius>2</Radius>
              <Fill>
                <CssParameter name="fill">#FFFFFF</CssParameter>
                <CssParameter name="fill-opacity">0.85</CssParameter>
              </Fill>
            </Halo>
            <Fill>
              <CssParameter name="fill">#2f2540</CssParameter>
            </Fill>
            <Priority><ogc:PropertyName>population</ogc:PropertyName></Priority>
            <VendorOption name="autoWrap">90</VendorOption>
            <VendorOption name="maxDisplacement">40</VendorOption>
            <VendorOption name="spaceAround">4</VendorOption>
            <VendorOption name="conflictResolution">true</VendorOption>
            <VendorOption name="partials">false</VendorOption>
          </TextSymbolizer>
        </Rule>
        <Rule>
          <Name>nom_bourg</Name>
          <Title>Communes de 2 000 à 9 999 habitants</Title>
          <ogc:Filter>
            <ogc:PropertyIsBetween>
              <ogc:PropertyName>population</ogc:PropertyName>
              <ogc:LowerBoundary><ogc:Literal>2000</ogc:Literal></ogc:LowerBoundary>
              <ogc:UpperBoundary><ogc:Literal>9999</ogc:Literal></ogc:UpperBoundary>
            </ogc:PropertyIsBetween>
          </ogc:Filter>
          <MaxScaleDenominator>500000</MaxScaleDenominator>
          <TextSymbolizer>
            <Label><ogc:PropertyName>nom</ogc:PropertyName></Label>
            <Font>
              <CssParameter name="font-family">DejaVu Sans</CssParameter>
              <CssParameter name="font-size">12</CssParameter>
              <CssParameter name="font-style">normal</CssParameter>
              <CssParameter name="font-weight">normal</CssParameter>
            </Font>
            <LabelPlacement>
              <PointPlacement>
                <AnchorPoint>
                  <AnchorPointX>0.5</AnchorPointX>
                  <AnchorPointY>0.5</AnchorPointY>
                </AnchorPoint>
              </PointPlacement>
            </LabelPlacement>
            <Halo>
              <Radius>2</Radius>
              <Fill>
                <CssParameter name="fill">#FFFFFF</CssParameter>
                <CssParameter name="fill-opacity">0.85</CssParameter>
              </Fill>
            </Halo>
            <Fill>
              <CssParameter name="fill">#2f2540</CssParameter>
            </Fill>
            <Priority><ogc:PropertyName>population</ogc:PropertyName></Priority>
            <VendorOption name="autoWrap">90</VendorOption>
            <VendorOption name="maxDisplacement">40</VendorOption>
            <VendorOption name="spaceAround">4</VendorOption>
            <VendorOption name="conflictResolution">true</VendorOption>
            <VendorOption name="partials">false</VendorOption>
          </TextSymbolizer>
        </Rule>
        <Rule>
          <Name>nom_village</Name>
          <Title>Communes de moins de 2 000 habitants</Title>
          <ogc:Filter>
            <ogc:PropertyIsLessThan>
              <ogc:PropertyName>population</ogc:PropertyName>
              <ogc:Literal>2000</ogc:Literal>
            </ogc:PropertyIsLessThan>
          </ogc:Filter>
          <MaxScaleDenominator>150000</MaxScaleDenominator>
          <TextSymbolizer>
            <Label><ogc:PropertyName>nom</ogc:PropertyName></Label>
            <Font>
              <CssParameter name="font-family">DejaVu Sans</CssParameter>
              <CssParameter name="font-size">10</CssParameter>
              <CssParameter name="font-style">normal</CssParameter>
              <CssParameter name="font-weight">normal</CssParameter>
            </Font>
            <LabelPlacement>
              <PointPlacement>
                <AnchorPoint>
                  <AnchorPointX>0.5</AnchorPointX>
                  <AnchorPointY>0.5</AnchorPointY>
                </AnchorPoint>
              </PointPlacement>
            </LabelPlacement>
            <Halo>
              <Radius>2</Radius>
              <Fill>
                <CssParameter name="fill">#FFFFFF</CssParameter>
                <CssParameter name="fill-opacity">0.85</CssParameter>
              </Fill>
            </Halo>
            <Fill>
              <CssParameter name="fill">#2f2540</CssParameter>
            </Fill>
            <Priority><ogc:PropertyName>population</ogc:PropertyName></Priority>
            <VendorOption name="autoWrap">90</VendorOption>
            <VendorOption name="maxDisplacement">40</VendorOption>
            <VendorOption name="spaceAround">4</VendorOption>
            <VendorOption name="conflictResolution">true</VendorOption>
            <VendorOption name="partials">false</VendorOption>
          </TextSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
