<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>koeln.bevoelkerungsentwicklung.stadtbezirk</Name>
    <UserStyle>
      <Name>standard</Name>
      <Title>Bevölkerungsentwicklung zum Vorjahr – Stadtbezirk – Standard (Katalog, Klassen über alle Zeiträume)</Title>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule>
          <Name>nicht-veroeffentlicht</Name>
          <Title>nicht veröffentlicht (–)</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo><ogc:PropertyName>status</ogc:PropertyName><ogc:Literal>suppressed</ogc:Literal></ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#bdbdbd</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>keine-angabe</Name>
          <Title>keine Angabe (x)</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsNull><ogc:PropertyName>value</ogc:PropertyName></ogc:PropertyIsNull>
              <ogc:PropertyIsNotEqualTo><ogc:PropertyName>status</ogc:PropertyName><ogc:Literal>suppressed</ogc:Literal></ogc:PropertyIsNotEqualTo>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#ffffff</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>klasse-1</Name>
          <Title>-1,34 bis unter -0,27</Title>
          <ogc:Filter>
            <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>-0.27</ogc:Literal></ogc:PropertyIsLessThan>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#b2182b</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>klasse-2</Name>
          <Title>-0,27 bis unter 0,07</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>-0.27</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>0.07</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#f4a582</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>klasse-3</Name>
          <Title>0,07 bis unter 0,52</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>0.07</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>0.52</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#f7f7f7</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>klasse-4</Name>
          <Title>0,52 bis unter 0,82</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>0.52</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyIsLessThan><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>0.82</ogc:Literal></ogc:PropertyIsLessThan>
            </ogc:And>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#92c5de</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>klasse-5</Name>
          <Title>0,82 – 2,04</Title>
          <ogc:Filter>
            <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>0.82</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
          </ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#2166ac</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#787878</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
